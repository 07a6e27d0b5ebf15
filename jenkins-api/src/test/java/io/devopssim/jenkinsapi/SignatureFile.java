package io.devopssim.jenkinsapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parser for shared/jenkins-api/signatures.txt (grammar in the file's header). Strict: a line it does not
 * understand is an error with its line number, so a format change cannot silently empty the check.
 */
final class SignatureFile {

    private final Map<String, TypeRecord> types;
    private final Map<String, String> externals;

    private SignatureFile(Map<String, TypeRecord> types, Map<String, String> externals) {
        this.types = types;
        this.externals = externals;
    }

    static SignatureFile load(Path path) throws IOException {
        return parse(Files.readAllLines(path, StandardCharsets.UTF_8));
    }

    static SignatureFile parse(List<String> lines) {
        Map<String, TypeRecord> types = new LinkedHashMap<>();
        Map<String, String> externals = new LinkedHashMap<>();
        Block block = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            try {
                if (block == null) {
                    switch (fields[0]) {
                        case "SOURCE" -> { }
                        case "EXTERNAL" -> externals.put(fields[2], fields[1]);
                        case "TYPE" -> block = new Block(fields[2]);
                        default -> throw new IllegalArgumentException("expected TYPE, SOURCE or EXTERNAL");
                    }
                    continue;
                }
                switch (fields[0]) {
                    case "TROLE", "TSINCE", "TNOTE" -> { }
                    case "TSCOPE" -> block.scope = fields[1];
                    case "TANN" -> block.annotations = "-".equals(fields[1]) ? List.of() : List.of(fields[1].split("\\|"));
                    case "CTOR", "METHOD", "FIELD", "ENUMCONST", "ELEMENT" -> block.members.add(MemberRecord.parse(fields));
                    case "LATER" -> block.later.add(MemberRecord.parse(Arrays.copyOfRange(fields, 1, fields.length)));
                    case "INHERITED" -> block.inherited.put(fields[1], fields[2]);
                    case "ABSENT" -> { }
                    case "END" -> {
                        TypeRecord type = block.toRecord();
                        if (!type.binaryName().equals(fields[1])) {
                            throw new IllegalArgumentException("END " + fields[1] + " closes TYPE " + type.binaryName());
                        }
                        types.put(type.binaryName(), type);
                        block = null;
                    }
                    default -> throw new IllegalArgumentException("unknown record " + fields[0] + " inside a TYPE block");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("signatures.txt line " + (n + 1) + ": " + e.getMessage() + "\n  " + line, e);
            }
        }
        if (block != null) {
            throw new IllegalArgumentException("signatures.txt ends inside a TYPE block: " + block.declaration);
        }
        return new SignatureFile(types, externals);
    }

    Optional<TypeRecord> type(String binaryName) {
        return Optional.ofNullable(types.get(binaryName));
    }

    Map<String, TypeRecord> types() {
        return types;
    }

    boolean isExternal(String binaryName) {
        return externals.containsKey(binaryName);
    }

    private static final class Block {
        final String declaration;
        String scope;
        List<String> annotations;
        final List<MemberRecord> members = new ArrayList<>();
        final List<MemberRecord> later = new ArrayList<>();
        final Map<String, String> inherited = new LinkedHashMap<>();

        Block(String declaration) {
            this.declaration = declaration;
        }

        TypeRecord toRecord() {
            if (scope == null || annotations == null) {
                throw new IllegalArgumentException("TYPE block without TSCOPE or TANN: " + declaration);
            }
            return TypeRecord.fromDeclaration(declaration, scope, annotations, members, later, inherited);
        }
    }
}
