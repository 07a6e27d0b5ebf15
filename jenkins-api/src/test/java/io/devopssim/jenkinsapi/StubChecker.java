package io.devopssim.jenkinsapi;

import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compares compiled stub classes with signatures.txt and lists every difference that would let a plugin
 * compile here and then fail, or behave differently, in a real Jenkins (see "HOW TO USE" in the file).
 */
final class StubChecker {

    /** Meta-annotations that annotation processors look for at compile time; a stub must keep them. */
    static final List<String> INDEX_META_ANNOTATIONS = List.of("net.java.sezpoz.Indexable",
            "org.jvnet.hudson.annotation_indexer.Indexed");

    private static final Pattern RETENTION = Pattern.compile("RetentionPolicy\\.(\\w+)");
    private static final Pattern ELEMENT_TYPE = Pattern.compile("ElementType\\.(\\w+)");

    private final SignatureFile file;

    StubChecker(SignatureFile file) {
        this.file = file;
    }

    /** Every mismatch of every given stub class, one line each; empty when they all conform. */
    List<String> check(Collection<Class<?>> stubs) {
        List<String> mismatches = new ArrayList<>();
        for (Class<?> stub : stubs) {
            check(stub, mismatches);
        }
        return mismatches;
    }

    private void check(Class<?> stub, List<String> out) {
        String name = stub.getName();
        if (file.isExternal(name)) {
            out.add(name + ": is an EXTERNAL type of signatures.txt; depend on its real Maven Central jar instead of stubbing it");
            return;
        }
        Optional<TypeRecord> found = file.type(name);
        if (found.isEmpty()) {
            out.add(name + ": type is not in signatures.txt");
            return;
        }
        TypeRecord type = found.get();
        checkKindAndModifiers(stub, type, out);
        checkTypeParameters(stub, type, out);
        checkSupertypes(stub, type, out);
        checkTypeAnnotations(stub, type, out);
        List<ReflectedMember> members = members(stub);
        checkMembers(stub, type, members, out);
        checkAbstractMembersDeclared(stub, type, members, out);
        checkAbstractMethodsOfJavaSupertypes(stub, type, out);
    }

    private static String kindOf(Class<?> stub) {
        if (stub.isAnnotation()) {
            return "@interface";
        }
        if (stub.isInterface()) {
            return "interface";
        }
        return stub.isEnum() ? "enum" : "class";
    }

    private void checkKindAndModifiers(Class<?> stub, TypeRecord type, List<String> out) {
        String name = stub.getName();
        String kind = kindOf(stub);
        if (!kind.equals(type.kind())) {
            out.add(name + ": is " + kind + " but the real type is " + type.kind()
                    + " (invokeinterface vs invokevirtual: IncompatibleClassChangeError at run time)");
            return;
        }
        int flags = stub.getModifiers();
        Set<String> expected = type.modifiers();
        String visibility = Modifier.isPublic(flags) ? "public" : Modifier.isProtected(flags) ? "protected"
                : Modifier.isPrivate(flags) ? "private" : "package-private";
        String expectedVisibility = expected.contains("public") ? "public" : expected.contains("protected") ? "protected"
                : expected.contains("private") ? "private" : "package-private";
        if (!visibility.equals(expectedVisibility)) {
            out.add(name + ": is " + visibility + " but the real type is " + expectedVisibility);
        }
        if (stub.isMemberClass() && Modifier.isStatic(flags) != expected.contains("static")) {
            out.add(name + ": static differs from the real nested type");
        }
        if (!"class".equals(kind)) {
            return;
        }
        boolean isFinal = Modifier.isFinal(flags);
        boolean isAbstract = Modifier.isAbstract(flags);
        if (isFinal != expected.contains("final")) {
            out.add(name + ": final is " + isFinal + " but the real class has final " + expected.contains("final"));
        }
        if (expected.contains("abstract") && !isAbstract) {
            out.add(name + ": must be abstract like the real class");
        } else if (!expected.contains("abstract") && type.scopeIsAll() && isAbstract) {
            out.add(name + ": is abstract but the real class is not (TSCOPE all: nothing justifies it)");
        } else if (!type.scopeIsAll() && !isAbstract && !(isFinal && accessibleConstructors(stub).isEmpty())) {
            out.add(name + ": TSCOPE is '" + type.scope() + "', so the stub must be abstract (or final without a public or"
                    + " protected constructor): nothing may instantiate an incompletely captured type");
        }
    }

    private void checkTypeParameters(Class<?> stub, TypeRecord type, List<String> out) {
        String actual = ReflectedMember.typeParameters(stub.getTypeParameters());
        if (!actual.equals(type.typeParameters())) {
            out.add(stub.getName() + ": type parameters " + show(actual) + " differ from the real " + show(type.typeParameters()));
        }
    }

    private void checkSupertypes(Class<?> stub, TypeRecord type, List<String> out) {
        List<Type> declared = new ArrayList<>();
        Type superclass = stub.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !(stub.isEnum() && stub.getSuperclass() == Enum.class)) {
            declared.add(superclass);
        }
        for (Type iface : stub.getGenericInterfaces()) {
            if (!(stub.isAnnotation() && iface == Annotation.class)) {
                declared.add(iface);
            }
        }
        Set<String> transitive = realSupertypes(type);
        for (Type supertype : declared) {
            String generic = Declarations.compact(supertype.getTypeName());
            String erased = Declarations.erasure(generic);
            if (!transitive.contains(erased)) {
                out.add(stub.getName() + ": declares supertype " + supertype.getTypeName()
                        + ", which is not a supertype of the real type per signatures.txt");
                continue;
            }
            type.directSupertypes().stream()
                    .filter(real -> Declarations.erasure(real).equals(erased))
                    .findFirst()
                    .filter(real -> !Declarations.compact(real).equals(generic))
                    .ifPresent(real -> out.add(stub.getName() + ": supertype " + supertype.getTypeName()
                            + " differs in its type arguments from the real " + real));
        }
    }

    /** Erased names of every direct and transitive supertype, walking the TYPE declarations of the file. */
    private Set<String> realSupertypes(TypeRecord type) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<TypeRecord> todo = new ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            for (String supertype : todo.pop().directSupertypes()) {
                String erased = Declarations.erasure(supertype);
                if (seen.add(erased)) {
                    file.type(erased).ifPresent(todo::push);
                }
            }
        }
        return seen;
    }

    private void checkTypeAnnotations(Class<?> stub, TypeRecord type, List<String> out) {
        String name = stub.getName();
        for (Annotation annotation : stub.getDeclaredAnnotations()) {
            String annotationType = annotation.annotationType().getName();
            if (!type.hasAnnotation(annotationType)) {
                out.add(name + ": annotation @" + annotationType + " is not on the real type");
            }
        }
        if (!stub.isAnnotation()) {
            return;
        }
        for (String meta : INDEX_META_ANNOTATIONS) {
            if (type.hasAnnotation(meta) && Arrays.stream(stub.getDeclaredAnnotations())
                    .noneMatch(a -> a.annotationType().getName().equals(meta))) {
                out.add(name + ": lacks the index meta-annotation @" + meta + ", so its annotation processor would ignore it");
            }
        }
        Retention retention = stub.getAnnotation(Retention.class);
        RetentionPolicy actual = retention == null ? RetentionPolicy.CLASS : retention.value();
        String expected = annotationArguments(type, "java.lang.annotation.Retention", RETENTION).stream()
                .findFirst().orElse(RetentionPolicy.CLASS.name());
        if (!actual.name().equals(expected)) {
            out.add(name + ": @Retention " + actual + " differs from the real " + expected
                    + " (javac decides from the stub whether plugin class files keep the annotation)");
        }
        Target target = stub.getAnnotation(Target.class);
        Set<String> actualTargets = target == null ? null
                : Arrays.stream(target.value()).map(ElementType::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expectedTargets = type.hasAnnotation("java.lang.annotation.Target")
                ? new TreeSet<>(annotationArguments(type, "java.lang.annotation.Target", ELEMENT_TYPE)) : null;
        if (!Objects.equals(actualTargets, expectedTargets)) {
            out.add(name + ": @Target " + (actualTargets == null ? "(none)" : actualTargets) + " differs from the real "
                    + (expectedTargets == null ? "(none)" : expectedTargets));
        }
    }

    private static List<String> annotationArguments(TypeRecord type, String annotationType, Pattern argument) {
        List<String> values = new ArrayList<>();
        type.annotations().stream()
                .filter(a -> a.startsWith("@" + annotationType + "("))
                .forEach(a -> {
                    Matcher m = argument.matcher(a);
                    while (m.find()) {
                        values.add(m.group(1));
                    }
                });
        return values;
    }

    /** Public and protected members the stub declares itself, without javac's bridges and enum helpers. */
    static List<ReflectedMember> members(Class<?> stub) {
        List<ReflectedMember> members = new ArrayList<>();
        for (Constructor<?> c : stub.getDeclaredConstructors()) {
            if (isApi(c.getModifiers()) && !c.isSynthetic() && !stub.isEnum()) {
                members.add(ReflectedMember.of(c));
            }
        }
        for (Method m : stub.getDeclaredMethods()) {
            if (isApi(m.getModifiers()) && !m.isSynthetic() && !m.isBridge() && !isEnumHelper(stub, m)) {
                members.add(ReflectedMember.of(m));
            }
        }
        for (Field f : stub.getDeclaredFields()) {
            if (isApi(f.getModifiers()) && !f.isSynthetic()) {
                members.add(ReflectedMember.of(f));
            }
        }
        return members;
    }

    private static boolean isApi(int flags) {
        return Modifier.isPublic(flags) || Modifier.isProtected(flags);
    }

    /** values() and valueOf(String): javac generates them and signatures.txt does not list them. */
    private static boolean isEnumHelper(Class<?> stub, Method m) {
        return stub.isEnum() && Modifier.isStatic(m.getModifiers())
                && ("values".equals(m.getName()) && m.getParameterCount() == 0
                || "valueOf".equals(m.getName()) && Arrays.equals(m.getParameterTypes(), new Class<?>[] {String.class}));
    }

    private static List<Constructor<?>> accessibleConstructors(Class<?> stub) {
        return Arrays.stream(stub.getDeclaredConstructors()).filter(c -> isApi(c.getModifiers())).collect(Collectors.toList());
    }

    private void checkMembers(Class<?> stub, TypeRecord type, List<ReflectedMember> members, List<String> out) {
        Map<String, MemberRecord> baseline = type.members().stream()
                .collect(Collectors.toMap(MemberRecord::key, m -> m, (a, b) -> a));
        Set<String> later = type.later().stream().map(MemberRecord::key).collect(Collectors.toSet());
        for (ReflectedMember member : members) {
            String where = stub.getName() + ": " + member.kind() + " " + member.display();
            MemberRecord line = baseline.get(member.key());
            if (line == null) {
                out.add(where + " " + whyMissing(type, member, later));
                continue;
            }
            Set<String> expectedModifiers = ReflectedMember.comparable(line.modifiers());
            if (!member.modifiers().equals(expectedModifiers)) {
                out.add(where + ": modifiers " + member.modifiers() + " differ from the real " + expectedModifiers
                        + " (" + line.declaration() + ")");
            }
            if (!member.genericForm().equals(line.genericForm())) {
                out.add(where + ": generic signature '" + member.genericForm() + "' differs from the real '"
                        + line.genericForm() + "' (" + line.declaration() + ")");
            }
            if ("ELEMENT".equals(member.kind()) && !ReflectedMember.sameDefault(line.defaultValue(), member.defaultValue())) {
                out.add(where + ": default " + (member.defaultValue() == null ? "(none)" : ReflectedMember.sourceText(member.defaultValue()))
                        + " differs from the real " + (line.defaultValue() == null ? "(none)" : line.defaultValue()));
            }
            for (String annotation : member.runtimeAnnotations()) {
                boolean listed = line.annotations().stream()
                        .anyMatch(a -> a.equals("@" + annotation) || a.startsWith("@" + annotation + "("));
                if (!listed) {
                    out.add(where + ": annotation @" + annotation + " is not on the real member");
                }
            }
        }
    }

    private static String whyMissing(TypeRecord type, ReflectedMember member, Set<String> later) {
        if (later.contains(member.key())) {
            return "exists only in a LATER Jenkins than the 2.479.3 baseline: a plugin must not use it";
        }
        if (type.inherited().containsKey(member.name())) {
            return "is not declared by the real type but inherited from " + type.inherited().get(member.name())
                    + ": declare it there";
        }
        String sameName = type.members().stream()
                .filter(m -> m.kind().equals(member.kind()) && m.name().equals(member.name()))
                .map(m -> m.descriptor() + " (" + m.declaration() + ")")
                .collect(Collectors.joining("; "));
        if (!sameName.isEmpty()) {
            return "has descriptor " + member.descriptor() + "; signatures.txt has only " + sameName;
        }
        return "is not in signatures.txt" + (type.scopeIsAll() ? "" : " (TSCOPE '" + type.scope()
                + "': capture it from the real source first)");
    }

    /**
     * An abstract member the stub leaves out would let a plugin class compile without implementing it and
     * fail with AbstractMethodError in Jenkins. Matters only where a plugin can subclass or implement the stub.
     */
    private void checkAbstractMembersDeclared(Class<?> stub, TypeRecord type, List<ReflectedMember> members, List<String> out) {
        if (!type.scopeIsAll() || !extendable(stub)) {
            return;
        }
        Set<String> declared = members.stream().map(ReflectedMember::key).collect(Collectors.toSet());
        for (MemberRecord line : type.members()) {
            boolean required = "ELEMENT".equals(line.kind()) ? line.defaultValue() == null
                    : "METHOD".equals(line.kind()) && line.isAbstract();
            if (required && !declared.contains(line.key())) {
                out.add(stub.getName() + ": must declare " + line.kind() + " " + line.declaration()
                        + ("ELEMENT".equals(line.kind())
                        ? " (an element without default: usages compiled here could omit it)"
                        : " (abstract in the real type: a plugin class compiled here could leave it unimplemented)"));
            }
        }
    }

    /**
     * The same hole through a Java or Maven Central supertype: StepContext must keep guava's FutureCallback,
     * or a test StepContext compiled here could lack onFailure(Throwable).
     */
    private void checkAbstractMethodsOfJavaSupertypes(Class<?> stub, TypeRecord type, List<String> out) {
        if (!type.scopeIsAll() || !extendable(stub)) {
            return;
        }
        for (String real : type.directSupertypes()) {
            String erased = Declarations.erasure(real);
            if (file.type(erased).isPresent()) {
                continue;
            }
            Class<?> supertype;
            try {
                supertype = Class.forName(erased, false, stub.getClassLoader());
            } catch (ClassNotFoundException e) {
                out.add(stub.getName() + ": real supertype " + erased + " is not on the class path to check it");
                continue;
            }
            if (supertype.isAssignableFrom(stub)) {
                continue;
            }
            Set<String> implemented = type.members().stream().filter(m -> !m.isAbstract())
                    .map(m -> m.name() + m.descriptor()).collect(Collectors.toSet());
            List<String> lost = Arrays.stream(supertype.getMethods())
                    .filter(m -> Modifier.isAbstract(m.getModifiers()) && !isObjectMethod(m))
                    .map(ReflectedMember::of)
                    .filter(m -> !implemented.contains(m.name() + m.descriptor()))
                    .map(ReflectedMember::name)
                    .collect(Collectors.toList());
            if (!lost.isEmpty()) {
                out.add(stub.getName() + ": must keep supertype " + real + ", whose abstract " + lost
                        + " the real type leaves to its subclasses");
            }
        }
    }

    private static boolean isObjectMethod(Method m) {
        try {
            Object.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Interfaces always; classes if they are not final and have a public or protected constructor. */
    private static boolean extendable(Class<?> stub) {
        if (stub.isInterface()) {
            return true;
        }
        return !stub.isEnum() && !Modifier.isFinal(stub.getModifiers()) && !accessibleConstructors(stub).isEmpty();
    }

    private static String show(String typeParameters) {
        return typeParameters.isEmpty() ? "(none)" : typeParameters;
    }
}
