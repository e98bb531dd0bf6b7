package dev.nbexport.docs.api;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IntersectionTypeTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WildcardTree;
import dev.nbexport.docs.html.Html;
import dev.nbexport.docs.site.ApiEntry.Kind;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A declaration's signature as HTML, from its tree: annotations, modifiers as written, type
 * parameters, types, parameters, {@code throws}, {@code extends}, {@code implements} and
 * {@code permits}; highlighted with the code's classes, the declared name marked, and every type
 * name that is an API entry or a JDK type linked. Bodies, initialisers and {@code @Override} are
 * left out.
 */
final class SignatureHtml {

    /** Annotations that say nothing about how to call the declaration. */
    private static final Set<String> HIDDEN_ANNOTATIONS = Set.of("Override", "SuppressWarnings", "SafeVarargs",
            "java.lang.Override", "java.lang.SuppressWarnings", "java.lang.SafeVarargs");
    /** Implementation details Javadoc leaves out too. */
    private static final Set<Modifier> HIDDEN_MODIFIERS = Set.of(Modifier.SYNCHRONIZED, Modifier.NATIVE, Modifier.STRICTFP);

    private final ApiExtractor.Parse parse;
    private final TypeLinks links;

    SignatureHtml(ApiExtractor.Parse parse, TypeLinks links) {
        this.parse = parse;
        this.links = links;
    }

    /** The signature of {@code d}, with links relative to a page {@code rootPrefix} below the site root. */
    String render(ApiDeclaration d, String rootPrefix) {
        Out out = new Out(d, rootPrefix);
        Tree tree = d.tree();
        switch (d.kind()) {
            case CLASS, INTERFACE, ENUM, RECORD, ANNOTATION -> type(out, d, (ClassTree) tree);
            case METHOD, CONSTRUCTOR -> method(out, d, (MethodTree) tree);
            case FIELD -> {
                VariableTree field = (VariableTree) tree;
                modifiers(out, field.getModifiers());
                type(out, field.getType());
                out.text(" ").name(d.name());
            }
            case ENUM_CONSTANT -> {
                out.keyword("public").text(" ").keyword("static").text(" ").keyword("final").text(" ");
                out.typeName(d.owner().name());
                out.text(" ").name(d.name());
            }
        }
        return out.html.toString();
    }

    private void type(Out out, ApiDeclaration d, ClassTree tree) {
        modifiers(out, tree.getModifiers());
        out.keyword(switch (d.kind()) {
            case INTERFACE -> "interface";
            case ENUM -> "enum";
            case RECORD -> "record";
            case ANNOTATION -> "@interface";
            default -> "class";
        }).text(" ").name(d.name());
        typeParameters(out, tree.getTypeParameters());
        if (d.kind() == Kind.RECORD) {
            out.text("(");
            List<VariableTree> components = components(tree);
            for (int i = 0; i < components.size(); i++) {
                out.text(i == 0 ? "" : ", ");
                parameter(out, components.get(i));
            }
            out.text(")");
        }
        if (tree.getExtendsClause() != null) {
            out.text(" ").keyword("extends").text(" ");
            type(out, tree.getExtendsClause());
        }
        boolean interfaceLike = d.kind() == Kind.INTERFACE || d.kind() == Kind.ANNOTATION;
        list(out, interfaceLike ? "extends" : "implements", tree.getImplementsClause());
        list(out, "permits", tree.getPermitsClause());
    }

    private void method(Out out, ApiDeclaration d, MethodTree tree) {
        modifiers(out, tree.getModifiers());
        if (!tree.getTypeParameters().isEmpty()) {
            typeParameters(out, tree.getTypeParameters());
            out.text(" ");
        }
        if (d.kind() == Kind.METHOD) {
            type(out, tree.getReturnType());
            out.text(" ");
        }
        out.name(d.name()).text("(");
        List<? extends VariableTree> parameters = d.kind() == Kind.CONSTRUCTOR && tree.getParameters().isEmpty()
                && d.owner().kind() == Kind.RECORD ? components((ClassTree) d.owner().tree()) : tree.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            out.text(i == 0 ? "" : ", ");
            parameter(out, parameters.get(i));
        }
        out.text(")");
        list(out, "throws", tree.getThrows());
    }

    private static List<VariableTree> components(ClassTree record) {
        return record.getMembers().stream().filter(m -> m instanceof VariableTree v
                && !v.getModifiers().getFlags().contains(Modifier.STATIC)).map(m -> (VariableTree) m).toList();
    }

    private void parameter(Out out, VariableTree parameter) {
        annotations(out, parameter.getModifiers()); // not final: it tells the caller nothing
        boolean varargs = parameter.getType() instanceof ArrayTypeTree
                && parse.text(out.declaration.file(), parameter).contains("...");
        if (varargs) {
            type(out, ((ArrayTypeTree) parameter.getType()).getType());
            out.text("...");
        } else {
            type(out, parameter.getType());
        }
        out.text(" ").text(parameter.getName().toString());
    }

    private void list(Out out, String keyword, List<? extends Tree> types) {
        if (types == null || types.isEmpty()) {
            return;
        }
        out.text(" ").keyword(keyword).text(" ");
        for (int i = 0; i < types.size(); i++) {
            out.text(i == 0 ? "" : ", ");
            type(out, types.get(i));
        }
    }

    private void modifiers(Out out, ModifiersTree modifiers) {
        annotations(out, modifiers);
        for (Modifier m : modifiers.getFlags()) {
            if (!HIDDEN_MODIFIERS.contains(m)) {
                out.keyword(m.toString()).text(" ");
            }
        }
    }

    private void annotations(Out out, ModifiersTree modifiers) {
        for (AnnotationTree annotation : modifiers.getAnnotations()) {
            String name = annotation.getAnnotationType().toString();
            if (HIDDEN_ANNOTATIONS.contains(name)) {
                continue;
            }
            out.html.append("<span class=\"tok-ann\">@</span>");
            out.typeName(name);
            if (!annotation.getArguments().isEmpty()) {
                out.text("(");
                List<? extends ExpressionTree> arguments = annotation.getArguments();
                for (int i = 0; i < arguments.size(); i++) {
                    out.text((i == 0 ? "" : ", ") + parse.text(out.declaration.file(), arguments.get(i)));
                }
                out.text(")");
            }
            out.text(" ");
        }
    }

    private void typeParameters(Out out, List<? extends TypeParameterTree> parameters) {
        if (parameters.isEmpty()) {
            return;
        }
        out.text("<");
        for (int i = 0; i < parameters.size(); i++) {
            TypeParameterTree p = parameters.get(i);
            out.text(i == 0 ? "" : ", ");
            out.html.append("<span class=\"tok-type\">").append(Html.escape(p.getName().toString())).append("</span>");
            List<? extends Tree> bounds = p.getBounds();
            for (int b = 0; b < bounds.size(); b++) {
                out.text(b == 0 ? " " : " & ");
                if (b == 0) {
                    out.keyword("extends").text(" ");
                }
                type(out, bounds.get(b));
            }
        }
        out.text(">");
    }

    private void type(Out out, Tree type) {
        if (type instanceof PrimitiveTypeTree primitive) {
            out.keyword(primitive.toString());
        } else if (type instanceof IdentifierTree || type instanceof MemberSelectTree) {
            out.typeName(type.toString());
        } else if (type instanceof ParameterizedTypeTree parameterized) {
            type(out, parameterized.getType());
            out.text("<");
            List<? extends Tree> arguments = parameterized.getTypeArguments();
            for (int i = 0; i < arguments.size(); i++) {
                out.text(i == 0 ? "" : ", ");
                type(out, arguments.get(i));
            }
            out.text(">");
        } else if (type instanceof ArrayTypeTree array) {
            type(out, array.getType());
            out.text("[]");
        } else if (type instanceof WildcardTree wildcard) {
            out.text("?");
            if (wildcard.getBound() != null) {
                out.text(" ").keyword(wildcard.getKind() == Tree.Kind.SUPER_WILDCARD ? "super" : "extends").text(" ");
                type(out, wildcard.getBound());
            }
        } else if (type instanceof AnnotatedTypeTree annotated) {
            for (AnnotationTree annotation : annotated.getAnnotations()) {
                out.html.append("<span class=\"tok-ann\">@</span>");
                out.typeName(annotation.getAnnotationType().toString());
                out.text(" ");
            }
            type(out, annotated.getUnderlyingType());
        } else if (type instanceof UnionTypeTree union) {
            joined(out, union.getTypeAlternatives(), " | ");
        } else if (type instanceof IntersectionTypeTree intersection) {
            joined(out, intersection.getBounds(), " & ");
        } else if (type != null) {
            out.text(type.toString());
        }
    }

    private void joined(Out out, List<? extends Tree> types, String separator) {
        for (int i = 0; i < types.size(); i++) {
            out.text(i == 0 ? "" : separator);
            type(out, types.get(i));
        }
    }

    /** The HTML being written for one declaration. */
    private final class Out {
        final StringBuilder html = new StringBuilder(128);
        final ApiDeclaration declaration;
        final String rootPrefix;

        Out(ApiDeclaration declaration, String rootPrefix) {
            this.declaration = declaration;
            this.rootPrefix = rootPrefix;
        }

        Out text(String text) {
            html.append(Html.escape(text));
            return this;
        }

        Out keyword(String keyword) {
            html.append("<span class=\"tok-kw\">").append(Html.escape(keyword)).append("</span>");
            return this;
        }

        Out name(String name) {
            html.append("<span class=\"nbx-api-name\">").append(Html.escape(name)).append("</span>");
            return this;
        }

        /** A type name as written, linked when it is an API entry or a JDK type. */
        Out typeName(String name) {
            html.append(links.typeLink(name, declaration, rootPrefix, "tok-type"));
            return this;
        }
    }
}
