package io.devopssim.pipelines;

import hudson.Extension;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

import java.beans.Introspector;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Pipeline steps our plugins contribute, found the way Jenkins finds them: through the sezpoz index of
 * {@code @Extension} ({@code META-INF/annotations/hudson.Extension}) that the plugins' compilation wrote. So a
 * step whose descriptor is not indexed is missing here as it would be in Jenkins.
 */
final class StepCatalog {
    private final Map<String, StepSignature> steps;

    private StepCatalog(Map<String, StepSignature> steps) {
        this.steps = steps;
    }

    static StepCatalog load(ClassLoader loader) {
        Map<String, StepSignature> steps = new TreeMap<>();
        for (IndexItem<Extension, Object> item : Index.load(Extension.class, Object.class, loader)) {
            try {
                AnnotatedElement element = item.element();
                if (element instanceof Class<?> type && StepDescriptor.class.isAssignableFrom(type)) {
                    StepDescriptor descriptor = (StepDescriptor) ((Class<?>) type).getDeclaredConstructor().newInstance();
                    // Descriptor() takes the described class from the enclosing class, as Jenkins does
                    Class<?> stepClass = type.getEnclosingClass();
                    StepSignature signature = signatureOf(descriptor.getFunctionName(), stepClass);
                    StepSignature previous = steps.put(signature.functionName(), signature);
                    if (previous != null) {
                        throw new IllegalStateException("two steps named " + signature.functionName() + ": "
                                + previous.origin() + " and " + signature.origin());
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot load the extension " + item.className(), e);
            }
        }
        return new StepCatalog(steps);
    }

    static StepSignature signatureOf(String functionName, Class<?> stepClass) {
        Set<String> required = new HashSet<>();
        List<Constructor<?>> bound = new ArrayList<>();
        for (Constructor<?> c : stepClass.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                bound.add(c);
            }
        }
        if (bound.size() != 1) {
            throw new IllegalStateException(stepClass.getName() + " must have exactly one public @DataBoundConstructor, has "
                    + bound.size());
        }
        for (Parameter p : bound.get(0).getParameters()) {
            if (!p.isNamePresent()) {
                throw new IllegalStateException(stepClass.getName() + " was compiled without -parameters: Jenkins "
                        + "could not bind its constructor arguments by name");
            }
            required.add(p.getName());
        }
        Set<String> optional = new HashSet<>();
        for (Class<?> c = stepClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(DataBoundSetter.class)) {
                    if (!m.getName().startsWith("set") || m.getParameterCount() != 1) {
                        throw new IllegalStateException(m + " is @DataBoundSetter but not a one-argument setX method");
                    }
                    optional.add(Introspector.decapitalize(m.getName().substring(3)));
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(DataBoundSetter.class)) {
                    optional.add(f.getName());
                }
            }
        }
        return new StepSignature(functionName, stepClass.getName(), required, optional);
    }

    Map<String, StepSignature> steps() {
        return Map.copyOf(steps);
    }
}
