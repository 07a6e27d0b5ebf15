package io.devopssim.jenkinsapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One TYPE block of signatures.txt: the parsed declaration line, TSCOPE, TANN and the member lines
 * (baseline members, LATER members and the names the file says are INHERITED from another type).
 */
record TypeRecord(String binaryName, String kind, Set<String> modifiers, String typeParameters,
                  List<String> superclass, List<String> interfaces, String scope, List<String> annotations,
                  List<MemberRecord> members, List<MemberRecord> later, Map<String, String> inherited) {

    static final List<String> KINDS = List.of("class", "interface", "enum", "@interface");

    /** Parses the declaration column of a TYPE line ({@code modifiers kind name[<params>] [extends ..] [implements ..]}). */
    static TypeRecord fromDeclaration(String declaration, String scope, List<String> annotations,
                                      List<MemberRecord> members, List<MemberRecord> later,
                                      Map<String, String> inherited) {
        List<String> tokens = Declarations.tokens(declaration);
        int i = 0;
        Set<String> modifiers = new LinkedHashSet<>();
        while (!KINDS.contains(tokens.get(i))) {
            if (!Declarations.MODIFIERS.contains(tokens.get(i))) {
                throw new IllegalArgumentException("not a type declaration: " + declaration);
            }
            modifiers.add(tokens.get(i++));
        }
        String kind = tokens.get(i++);
        String nameToken = tokens.get(i++);
        int lt = nameToken.indexOf('<');
        String binaryName = lt < 0 ? nameToken : nameToken.substring(0, lt);
        String typeParameters = lt < 0 ? "" : Declarations.compact(nameToken.substring(lt));
        List<String> extendsList = new ArrayList<>();
        List<String> implementsList = new ArrayList<>();
        List<String> target = null;
        StringBuilder clause = new StringBuilder();
        for (; i <= tokens.size(); i++) {
            String token = i < tokens.size() ? tokens.get(i) : null;
            if (token == null || "extends".equals(token) || "implements".equals(token)) {
                if (target != null) {
                    target.addAll(Declarations.splitTopLevel(clause.toString()));
                }
                clause.setLength(0);
                target = "extends".equals(token) ? extendsList : implementsList;
            } else {
                if (target == null) {
                    throw new IllegalArgumentException("unexpected '" + token + "' in " + declaration);
                }
                clause.append(token).append(' ');
            }
        }
        // An interface "extends" other interfaces; a class "extends" its one superclass.
        List<String> superclass = "class".equals(kind) ? extendsList : List.of();
        List<String> interfaces = new ArrayList<>(implementsList);
        if (!"class".equals(kind)) {
            interfaces.addAll(extendsList);
        }
        return new TypeRecord(binaryName, kind, modifiers, typeParameters, superclass, interfaces, scope,
                annotations, members, later, inherited);
    }

    boolean scopeIsAll() {
        return "all".equals(scope);
    }

    /** Direct supertypes as written (generic), superclass first. */
    List<String> directSupertypes() {
        List<String> all = new ArrayList<>(superclass);
        all.addAll(interfaces);
        return all;
    }

    boolean hasAnnotation(String annotationType) {
        return annotations.stream().anyMatch(a -> a.equals("@" + annotationType) || a.startsWith("@" + annotationType + "("));
    }
}
