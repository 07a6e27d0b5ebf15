package io.devopssim.jenkinsapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One member line of signatures.txt (KIND, declaration, erased descriptor, annotations), with the parts of
 * the declaration the checker compares: modifiers, name and the generic form (types without parameter names).
 */
record MemberRecord(String kind, String declaration, String descriptor, List<String> annotations,
                    Set<String> modifiers, String name, String genericForm, String defaultValue) {

    static final String CONSTRUCTOR_NAME = "<init>";

    /** Parses the fields after the KIND column; {@code fields[0]} is the KIND. */
    static MemberRecord parse(String[] fields) {
        if (fields.length < 5) {
            throw new IllegalArgumentException("a member line has KIND, declaration, descriptor, annotations, notes");
        }
        String kind = fields[0];
        String declaration = fields[1];
        List<String> annotations = "-".equals(fields[3]) ? List.of() : List.of(fields[3].split("\\|"));
        List<String> tokens = Declarations.tokens(declaration);
        int i = 0;
        Set<String> modifiers = new LinkedHashSet<>();
        while (i < tokens.size() && Declarations.MODIFIERS.contains(tokens.get(i))) {
            modifiers.add(tokens.get(i++));
        }
        switch (kind) {
            case "FIELD", "ENUMCONST" -> {
                String type = tokens.get(i);
                String name = tokens.get(i + 1);
                return new MemberRecord(kind, declaration, fields[2], annotations, modifiers, name,
                        fieldForm(Declarations.compact(type), name), null);
            }
            case "CTOR", "METHOD", "ELEMENT" -> {
                String typeParameters = tokens.get(i).startsWith("<") ? tokens.get(i++) : "";
                String returnType = "CTOR".equals(kind) ? "void" : tokens.get(i++);
                String call = tokens.get(i++);
                int open = call.indexOf('(');
                String name = "CTOR".equals(kind) ? CONSTRUCTOR_NAME : call.substring(0, open);
                List<String> parameterTypes = new ArrayList<>();
                for (String parameter : Declarations.splitTopLevel(call.substring(open + 1, call.length() - 1))) {
                    List<String> parts = Declarations.tokens(parameter);
                    parameterTypes.add(Declarations.compact(String.join("", parts.subList(0, parts.size() - 1))));
                }
                List<String> exceptions = new ArrayList<>();
                String defaultValue = null;
                if (i < tokens.size() && "throws".equals(tokens.get(i))) {
                    i++;
                    StringBuilder thrown = new StringBuilder();
                    while (i < tokens.size() && !"default".equals(tokens.get(i))) {
                        thrown.append(tokens.get(i++)).append(' ');
                    }
                    Declarations.splitTopLevel(thrown.toString()).forEach(t -> exceptions.add(Declarations.compact(t)));
                }
                if (i < tokens.size() && "default".equals(tokens.get(i))) {
                    defaultValue = String.join(" ", tokens.subList(i + 1, tokens.size()));
                    i = tokens.size();
                }
                if (i != tokens.size()) {
                    throw new IllegalArgumentException("unexpected text after the parameters: " + declaration);
                }
                return new MemberRecord(kind, declaration, fields[2], annotations, modifiers, name,
                        executableForm(Declarations.compact(typeParameters), Declarations.compact(returnType),
                                name, parameterTypes, exceptions),
                        defaultValue);
            }
            default -> throw new IllegalArgumentException("unknown member kind " + kind);
        }
    }

    static String fieldForm(String type, String name) {
        return type + " " + name;
    }

    static String executableForm(String typeParameters, String returnType, String name,
                                 List<String> parameterTypes, List<String> exceptions) {
        String form = (typeParameters.isEmpty() ? "" : typeParameters + " ") + returnType + " " + name
                + "(" + String.join(",", parameterTypes) + ")";
        return exceptions.isEmpty() ? form : form + " throws " + String.join(",", exceptions);
    }

    boolean isAbstract() {
        return modifiers.contains("abstract");
    }

    /** What the checker matches stub members by. */
    String key() {
        return key(kind, name, descriptor);
    }

    static String key(String kind, String name, String descriptor) {
        return kind + " " + name + " " + descriptor;
    }
}
