package io.devopssim.jenkinsapi;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A public or protected member of a compiled stub, described in the terms of a signatures.txt member line:
 * KIND, name, erased JVM descriptor, the modifiers that matter for linking and overriding, and the generic
 * form (what javac sees when it checks overriding and generates bridges).
 */
record ReflectedMember(String kind, String name, String descriptor, Set<String> modifiers, String genericForm,
                       List<String> runtimeAnnotations, Object defaultValue, String display) {

    static ReflectedMember of(Field field) {
        Set<String> modifiers = modifiers(field.getModifiers(), false);
        String type = Declarations.compact(field.getGenericType().getTypeName());
        return new ReflectedMember(field.isEnumConstant() ? "ENUMCONST" : "FIELD", field.getName(),
                field.getType().descriptorString(), modifiers, MemberRecord.fieldForm(type, field.getName()),
                annotationNames(field.getDeclaredAnnotations()), null, field.toGenericString());
    }

    static ReflectedMember of(Method method) {
        Set<String> modifiers = modifiers(method.getModifiers(), method.isDefault());
        String kind = method.getDeclaringClass().isAnnotation() ? "ELEMENT" : "METHOD";
        String descriptor = MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString();
        String form = MemberRecord.executableForm(typeParameters(method.getTypeParameters()),
                Declarations.compact(method.getGenericReturnType().getTypeName()), method.getName(),
                parameterTypes(method), exceptionTypes(method));
        return new ReflectedMember(kind, method.getName(), descriptor, modifiers, form,
                annotationNames(method.getDeclaredAnnotations()), method.getDefaultValue(), method.toGenericString());
    }

    static ReflectedMember of(Constructor<?> constructor) {
        Set<String> modifiers = modifiers(constructor.getModifiers(), false);
        String descriptor = MethodType.methodType(void.class, constructor.getParameterTypes()).toMethodDescriptorString();
        String form = MemberRecord.executableForm(typeParameters(constructor.getTypeParameters()), "void",
                MemberRecord.CONSTRUCTOR_NAME, parameterTypes(constructor), exceptionTypes(constructor));
        return new ReflectedMember("CTOR", MemberRecord.CONSTRUCTOR_NAME, descriptor, modifiers, form,
                annotationNames(constructor.getDeclaredAnnotations()), null, constructor.toGenericString());
    }

    String key() {
        return MemberRecord.key(kind, name, descriptor);
    }

    /** Only the modifiers that change how a plugin links to or overrides the member. */
    static Set<String> modifiers(int flags, boolean isDefault) {
        Set<String> modifiers = new LinkedHashSet<>();
        if (Modifier.isPublic(flags)) {
            modifiers.add("public");
        }
        if (Modifier.isProtected(flags)) {
            modifiers.add("protected");
        }
        if (Modifier.isPrivate(flags)) {
            modifiers.add("private");
        }
        if (Modifier.isStatic(flags)) {
            modifiers.add("static");
        }
        if (Modifier.isFinal(flags)) {
            modifiers.add("final");
        }
        if (Modifier.isAbstract(flags)) {
            modifiers.add("abstract");
        }
        if (isDefault) {
            modifiers.add("default");
        }
        return modifiers;
    }

    /** The same subset, taken from a declaration's modifier words. */
    static Set<String> comparable(Set<String> declared) {
        Set<String> kept = new LinkedHashSet<>(declared);
        kept.retainAll(Set.of("public", "protected", "private", "static", "final", "abstract", "default"));
        return kept;
    }

    static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Declarations.compact(Arrays.stream(variables).map(ReflectedMember::typeParameter)
                .collect(Collectors.joining(", ", "<", ">")));
    }

    private static String typeParameter(TypeVariable<?> variable) {
        Type[] bounds = variable.getBounds();
        if (bounds.length == 1 && bounds[0] == Object.class) {
            return variable.getName();
        }
        return variable.getName() + " extends "
                + Arrays.stream(bounds).map(Type::getTypeName).collect(Collectors.joining(" & "));
    }

    private static List<String> parameterTypes(Executable executable) {
        List<String> types = new ArrayList<>();
        Type[] generic = executable.getGenericParameterTypes();
        for (int i = 0; i < generic.length; i++) {
            String type = generic[i].getTypeName();
            if (executable.isVarArgs() && i == generic.length - 1) {
                type = type.substring(0, type.length() - 2) + "...";
            }
            types.add(Declarations.compact(type));
        }
        return types;
    }

    private static List<String> exceptionTypes(Executable executable) {
        return Arrays.stream(executable.getGenericExceptionTypes())
                .map(t -> Declarations.compact(t.getTypeName())).collect(Collectors.toList());
    }

    static List<String> annotationNames(Annotation[] annotations) {
        return Arrays.stream(annotations).map(a -> a.annotationType().getName()).collect(Collectors.toList());
    }

    /**
     * Whether an annotation element's default value equals the source text of signatures.txt
     * ({@code 0}, {@code false}, {@code ""}, {@code {}}, {@code java.lang.Object.class}, {@code jenkins.YesNoMaybe.MAYBE}).
     */
    static boolean sameDefault(String text, Object value) {
        if (text == null || value == null) {
            return text == null && value == null;
        }
        if (value instanceof Number number) {
            try {
                return Double.parseDouble(text) == number.doubleValue();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return Declarations.compact(text).equals(Declarations.compact(sourceText(value)));
    }

    static String sourceText(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof Character c) {
            return "'" + c + "'";
        }
        if (value instanceof Class<?> c) {
            return c.getName() + ".class";
        }
        if (value instanceof Enum<?> e) {
            return e.getDeclaringClass().getName() + "." + e.name();
        }
        if (value.getClass().isArray()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(sourceText(Array.get(value, i)));
            }
            return items.stream().collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }
}
