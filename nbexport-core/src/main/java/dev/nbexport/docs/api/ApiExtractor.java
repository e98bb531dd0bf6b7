package dev.nbexport.docs.api;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import dev.nbexport.docs.site.ApiEntry.Kind;
import dev.nbexport.layout.GeneratedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Reads the declarations of generated main files with javac's parser: every type and member, with
 * its kind, names, visibility and position, and the trees the signature and Javadoc renderers read.
 *
 * <p>Parse only, no attribution: the generated files are javac-valid, so the trees are complete,
 * and names are resolved by {@link TypeNames} from the files' imports and the project's own types.
 * Attribution would resolve them exactly, but needs the project's class path (which the docs goal
 * does not resolve) and costs several times the parse: on example-project's four files, javac's
 * {@code analyze()} took 2.7 s cold and 0.5 to 0.9 s warm against 1.5 s and 0.05 to 0.3 s to parse
 * (JDK 17, loaded 2-core machine).
 */
final class ApiExtractor {

    /**
     * A parse: the files, every declaration in file order, and javac's trees and positions.
     */
    record Parse(List<ParsedFile> files, List<ApiDeclaration> declarations, DocTrees trees) {

        SourcePositions positions() {
            return trees.getSourcePositions();
        }

        long start(ParsedFile file, Tree tree) {
            return positions().getStartPosition(file.unit(), tree);
        }

        /** The source text of {@code tree}, as written. */
        String text(ParsedFile file, Tree tree) {
            long start = start(file, tree);
            long end = positions().getEndPosition(file.unit(), tree);
            return start < 0 || end < start ? tree.toString() : file.source().substring((int) start, (int) end);
        }
    }

    /** A generated file to read, and how the site names it. */
    record Input(GeneratedFile file, String shownPath, String page) {}

    private ApiExtractor() {}

    /** Parses {@code inputs} in one javac task. */
    static Parse parse(List<Input> inputs) {
        if (inputs.isEmpty()) {
            return new Parse(List.of(), List.of(), null);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the docs' API sections need a JDK (javac); this Java has none");
        }
        List<JavaFileObject> sources = new ArrayList<>();
        Map<URI, Input> byUri = new HashMap<>();
        for (Input input : inputs) {
            JavaFileObject object = new SimpleJavaFileObject(URI.create("string:///" + input.file().relativePath()),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return input.file().content();
                }
            };
            sources.add(object);
            byUri.put(object.toUri(), input);
        }
        // exported files are javac-valid; whatever javac might say about them is not the docs' business
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostic -> { }, List.of("-proc:none"), null, sources);
        DocTrees trees = DocTrees.instance(task);
        List<ParsedFile> files = new ArrayList<>();
        try {
            for (CompilationUnitTree unit : task.parse()) {
                Input input = byUri.get(unit.getSourceFile().toUri());
                files.add(ParsedFile.of(input.file(), input.shownPath(), input.page(), unit));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Parse parse = new Parse(files, new ArrayList<>(), trees);
        for (ParsedFile file : files) {
            TreePath unitPath = new TreePath(file.unit());
            for (Tree type : file.unit().getTypeDecls()) {
                if (type instanceof ClassTree classTree) {
                    type(parse, file, new TreePath(unitPath, classTree), null);
                }
            }
        }
        return new Parse(List.copyOf(files), List.copyOf(parse.declarations()), trees);
    }

    private static void type(Parse parse, ParsedFile file, TreePath path, ApiDeclaration owner) {
        ClassTree tree = (ClassTree) path.getLeaf();
        Kind kind = switch (tree.getKind()) {
            case INTERFACE -> Kind.INTERFACE;
            case ENUM -> Kind.ENUM;
            case RECORD -> Kind.RECORD;
            case ANNOTATION_TYPE -> Kind.ANNOTATION;
            default -> Kind.CLASS;
        };
        Set<Modifier> flags = tree.getModifiers().getFlags();
        boolean api = visible(flags, owner) && (owner == null || owner.api());
        boolean isStatic = owner != null && (flags.contains(Modifier.STATIC) || kind != Kind.CLASS || isInterface(owner));
        String name = tree.getSimpleName().toString();
        List<String> components = new ArrayList<>();
        if (kind == Kind.RECORD) {
            for (Tree member : tree.getMembers()) {
                if (isComponent(member, kind)) {
                    components.add(((VariableTree) member).getName().toString());
                }
            }
        }
        ApiDeclaration type = new ApiDeclaration(kind, name, file.packageName(),
                owner == null ? name : owner.typePath() + "." + name, owner, api, isStatic, List.of(), components,
                path, file, file.line(parse.start(file, tree)));
        parse.declarations().add(type);
        for (Tree member : tree.getMembers()) {
            TreePath memberPath = new TreePath(path, member);
            if (member instanceof ClassTree) {
                type(parse, file, memberPath, type);
            } else if (member instanceof MethodTree method) {
                method(parse, file, memberPath, method, type);
            } else if (member instanceof VariableTree variable && !isComponent(member, kind)) {
                boolean constant = kind == Kind.ENUM && isEnumConstant(parse, file, variable);
                Set<Modifier> f = variable.getModifiers().getFlags();
                boolean visible = constant || visible(f, type);
                parse.declarations().add(new ApiDeclaration(constant ? Kind.ENUM_CONSTANT : Kind.FIELD,
                        variable.getName().toString(), file.packageName(), type.typePath(), type, visible && api,
                        constant || f.contains(Modifier.STATIC) || isInterface(type), List.of(), List.of(), memberPath,
                        file, file.line(parse.start(file, variable))));
            }
        }
    }

    private static void method(Parse parse, ParsedFile file, TreePath path, MethodTree method, ApiDeclaration type) {
        boolean constructor = method.getName().contentEquals("<init>");
        List<String> parameters = new ArrayList<>();
        if (constructor && type.kind() == Kind.RECORD && isCompact(parse, file, method)) {
            for (Tree member : ((ClassTree) type.tree()).getMembers()) {
                if (isComponent(member, Kind.RECORD)) {
                    parameters.add(TypeNames.erasedSimpleName(((VariableTree) member).getType()));
                }
            }
        } else {
            for (VariableTree parameter : method.getParameters()) {
                parameters.add(TypeNames.erasedSimpleName(parameter.getType()));
            }
        }
        Set<Modifier> flags = method.getModifiers().getFlags();
        parse.declarations().add(new ApiDeclaration(constructor ? Kind.CONSTRUCTOR : Kind.METHOD,
                constructor ? type.name() : method.getName().toString(), file.packageName(), type.typePath(), type,
                visible(flags, type) && type.api(), flags.contains(Modifier.STATIC), parameters, List.of(), path, file,
                file.line(parse.start(file, method))));
    }

    /** Public or protected, or a member of an interface or annotation that is not private. */
    private static boolean visible(Set<Modifier> flags, ApiDeclaration owner) {
        if (flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED)) {
            return true;
        }
        return owner != null && isInterface(owner) && !flags.contains(Modifier.PRIVATE);
    }

    private static boolean isInterface(ApiDeclaration type) {
        return type.kind() == Kind.INTERFACE || type.kind() == Kind.ANNOTATION;
    }

    /** javac lists a record's components as its first fields: private, final and not static. */
    private static boolean isComponent(Tree member, Kind ownerKind) {
        return ownerKind == Kind.RECORD && member instanceof VariableTree v
                && !v.getModifiers().getFlags().contains(Modifier.STATIC);
    }

    /** javac gives an enum constant the type and modifiers of a field; its text starts with its name. */
    private static boolean isEnumConstant(Parse parse, ParsedFile file, VariableTree variable) {
        return parse.text(file, variable).startsWith(variable.getName().toString());
    }

    /** A compact canonical constructor ({@code public Slug { … }}) has no parameter list in its text. */
    private static boolean isCompact(Parse parse, ParsedFile file, MethodTree method) {
        if (!method.getParameters().isEmpty() || method.getBody() == null) {
            return false;
        }
        long start = parse.start(file, method);
        long body = parse.start(file, method.getBody());
        return start >= 0 && body > start && file.source().substring((int) start, (int) body).indexOf('(') < 0;
    }
}
