package io.devopssim.pipelines;

import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.CompilationFailedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Jenkinsfile or shared-library file parsed by Groovy's own parser (to the AST after conversion, before any
 * class resolution, so no Jenkins class is needed), with the step calls it makes.
 */
final class PipelineScript {
    private final Path file;
    private final ModuleNode module;

    private PipelineScript(Path file, ModuleNode module) {
        this.file = file;
        this.module = module;
    }

    /** Parses {@code file}; a syntax error fails with Groovy's message (file, line, column). */
    static PipelineScript parse(Path file) throws IOException {
        return parse(file, Files.readString(file));
    }

    static PipelineScript parse(Path file, String text) {
        CompilationUnit unit = new CompilationUnit(new CompilerConfiguration());
        SourceUnit source = unit.addSource(file.toString(), text);
        try {
            unit.compile(Phases.CONVERSION);
        } catch (CompilationFailedException e) {
            throw new IllegalArgumentException(file + " is not valid Groovy: " + e.getMessage(), e);
        }
        return new PipelineScript(file, source.getAST());
    }

    Path file() {
        return file;
    }

    /** Every call of a method on the script itself (what Pipeline resolves as a step), in source order. */
    List<StepCall> stepCalls() {
        List<StepCall> calls = new ArrayList<>();
        CodeVisitorSupport visitor = new CodeVisitorSupport() {
            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                if (call.isImplicitThis() && call.getMethodAsString() != null) {
                    calls.add(toStepCall(call));
                }
                super.visitMethodCallExpression(call);
            }
        };
        module.getStatementBlock().visit(visitor);
        for (ClassNode type : module.getClasses()) {
            for (MethodNode method : type.getMethods()) {
                if (method.getCode() != null && !method.isScriptBody()) {
                    method.getCode().visit(visitor);
                }
            }
        }
        return calls;
    }

    /** Methods the script declares: a call of one is a plain Groovy call, not a step. */
    Set<String> declaredMethods() {
        Set<String> names = new TreeSet<>();
        for (ClassNode type : module.getClasses()) {
            for (MethodNode method : type.getMethods()) {
                if (!method.isScriptBody() && !method.getName().equals("main")) {
                    names.add(method.getName());
                }
            }
        }
        return names;
    }

    /**
     * A shared library step ({@code vars/<name>.groovy}): its {@code call(Map x)} method and the keys it reads from
     * that map ({@code x.key}, {@code x['key']}, {@code x.get('key')}, {@code x.containsKey('key')},
     * {@code x.getOrDefault('key', ...)}). Keys it reads are what callers may pass; none are required (the
     * library checks its own required keys and says so).
     */
    Optional<StepSignature> sharedLibraryStep(String name) {
        for (ClassNode type : module.getClasses()) {
            for (MethodNode method : type.getMethods("call")) {
                Parameter[] parameters = method.getParameters();
                if (parameters.length == 1 && Set.of("Map", "java.util.Map").contains(parameters[0].getType().getName())) {
                    String map = parameters[0].getName();
                    Set<String> keys = new TreeSet<>();
                    method.getCode().visit(new CodeVisitorSupport() {
                        @Override
                        public void visitPropertyExpression(PropertyExpression e) {
                            if (isVariable(e.getObjectExpression(), map) && e.getPropertyAsString() != null) {
                                keys.add(e.getPropertyAsString());
                            }
                            super.visitPropertyExpression(e);
                        }

                        @Override
                        public void visitBinaryExpression(BinaryExpression e) {
                            if (e.getOperation().getText().equals("[") && isVariable(e.getLeftExpression(), map)
                                    && e.getRightExpression() instanceof ConstantExpression c && c.getValue() instanceof String s) {
                                keys.add(s);
                            }
                            super.visitBinaryExpression(e);
                        }

                        @Override
                        public void visitMethodCallExpression(MethodCallExpression call) {
                            if (isVariable(call.getObjectExpression(), map)
                                    && Set.of("get", "containsKey", "getOrDefault").contains(call.getMethodAsString())
                                    && call.getArguments() instanceof TupleExpression args && !args.getExpressions().isEmpty()
                                    && args.getExpression(0) instanceof ConstantExpression c && c.getValue() instanceof String s) {
                                keys.add(s);
                            }
                            super.visitMethodCallExpression(call);
                        }
                    });
                    return Optional.of(new StepSignature(name, file.toString(), Set.of(), keys));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isVariable(Expression e, String name) {
        return e instanceof VariableExpression v && v.getName().equals(name);
    }

    private static StepCall toStepCall(MethodCallExpression call) {
        Map<String, Object> named = new LinkedHashMap<>();
        int positional = 0;
        List<Expression> arguments = call.getArguments() instanceof TupleExpression tuple
                ? tuple.getExpressions() : List.of(call.getArguments());
        for (Expression argument : arguments) {
            if (argument instanceof MapExpression map) {
                // step(key: value, ...): Groovy folds named arguments into one map (Pipeline binds a lone map alike)
                for (MapEntryExpression entry : map.getMapEntryExpressions()) {
                    Object key = entry.getKeyExpression() instanceof ConstantExpression c ? c.getValue() : entry.getKeyExpression().getText();
                    Object value = entry.getValueExpression() instanceof ConstantExpression c ? c.getValue() : null;
                    named.put(String.valueOf(key), value);
                }
            } else if (!(argument instanceof ClosureExpression)) {
                positional++;
            }
        }
        return new StepCall(call.getMethodAsString(), named, positional, call.getLineNumber());
    }
}
