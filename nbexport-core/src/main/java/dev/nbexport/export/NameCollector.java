package dev.nbexport.export;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.IntersectionTypeTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WildcardTree;
import com.sun.source.util.TreeScanner;
import dev.nbexport.export.ParsedCell.UsedNames;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import javax.lang.model.element.Modifier;

/**
 * One walk over a snippet's javac tree, collecting the simple names it uses (as types, in
 * expressions, as unqualified method calls) and the names it declares itself. javac's trees do not
 * say whether an identifier is a type, so the places a type can stand are visited as types.
 *
 * <p>Names used outside class bodies that could inherit members (a class with a supertype, an enum,
 * an anonymous class) are also kept with where they are first used: when nothing the generated file
 * sees declares them, they came from the notebook's kernel session, and export says so.
 */
final class NameCollector extends TreeScanner<Void, Void> {

    private final UsedNames used;
    /** The snippet's own declaration: a top-level method's own name is not "declared inside" it. */
    private final Tree root;
    /** Offset of a tree in the cell's code. */
    private final ToIntFunction<Tree> start;
    /** How many enclosing class bodies may inherit members: names there may be inherited ones. */
    private int inheriting;
    /** {@code case RED ->}: an enum constant of the switch's type, not a free name. */
    private final Set<Tree> caseConstants = Collections.newSetFromMap(new IdentityHashMap<>());

    NameCollector(UsedNames used, Tree root, ToIntFunction<Tree> start) {
        this.used = used;
        this.root = root;
        this.start = start;
    }

    static UsedNames newUsed() {
        return new UsedNames(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(),
                new HashMap<>(), new HashMap<>());
    }

    /** A tree in a type position: {@code Map.Entry<K, V>[]} uses the type {@code Map}. */
    private void type(Tree t) {
        if (t == null) {
            return;
        }
        if (t instanceof IdentifierTree id) {
            used.types().add(id.getName().toString());
        } else if (t instanceof MemberSelectTree select) {
            type(select.getExpression());
        } else if (t instanceof ParameterizedTypeTree p) {
            type(p.getType());
            p.getTypeArguments().forEach(this::type);
        } else if (t instanceof ArrayTypeTree a) {
            type(a.getType());
        } else if (t instanceof WildcardTree w) {
            type(w.getBound());
        } else if (t instanceof AnnotatedTypeTree a) {
            scan(a.getAnnotations(), null);
            type(a.getUnderlyingType());
        } else if (t instanceof UnionTypeTree u) {
            u.getTypeAlternatives().forEach(this::type);
        } else if (t instanceof IntersectionTypeTree i) {
            i.getBounds().forEach(this::type);
        } else {
            scan(t, null);
        }
    }

    private void types(List<? extends Tree> trees) {
        trees.forEach(this::type);
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Void unused) {
        String name = node.getName().toString();
        if (!name.equals("this") && !name.equals("super")) {
            used.names().add(name);
            if (inheriting == 0 && !caseConstants.contains(node)) {
                used.freeNames().putIfAbsent(name, start.applyAsInt(node));
            }
        }
        return null;
    }

    @Override
    public Void visitCase(CaseTree node, Void unused) {
        caseConstants.addAll(node.getExpressions());
        return super.visitCase(node, null);
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void unused) {
        return scan(node.getExpression(), null);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        types(node.getTypeArguments());
        ExpressionTree select = node.getMethodSelect();
        if (select instanceof IdentifierTree id) {
            String name = id.getName().toString();
            if (!name.equals("this") && !name.equals("super")) {
                used.methods().add(name);
                if (inheriting == 0) {
                    used.freeCalls().putIfAbsent(name, start.applyAsInt(node));
                }
            }
        } else {
            scan(select, null);
        }
        return scan(node.getArguments(), null);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree node, Void unused) {
        scan(node.getQualifierExpression(), null);
        if (node.getTypeArguments() != null) {
            types(node.getTypeArguments());
        }
        return null;
    }

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
        used.variables().add(node.getName().toString());
        scan(node.getModifiers(), null);
        type(node.getType());
        return scan(node.getInitializer(), null);
    }

    @Override
    public Void visitMethod(MethodTree node, Void unused) {
        if (node != root && !node.getName().contentEquals("<init>")) {
            used.declared().add(node.getName().toString());
        }
        scan(node.getModifiers(), null);
        scan(node.getTypeParameters(), null);
        type(node.getReturnType());
        scan(node.getReceiverParameter(), null);
        scan(node.getParameters(), null);
        types(node.getThrows());
        scan(node.getBody(), null);
        return scan(node.getDefaultValue(), null);
    }

    @Override
    public Void visitClass(ClassTree node, Void unused) {
        if (node.getSimpleName().length() > 0) {
            used.declared().add(node.getSimpleName().toString());
        }
        if (node.getKind() == Tree.Kind.RECORD) {
            for (Tree m : node.getMembers()) {
                if (m instanceof VariableTree v && !v.getModifiers().getFlags().contains(Modifier.STATIC)) {
                    used.declared().add(v.getName().toString());
                }
            }
        }
        scan(node.getModifiers(), null);
        scan(node.getTypeParameters(), null);
        type(node.getExtendsClause());
        types(node.getImplementsClause());
        types(node.getPermitsClause());
        boolean inherits = node.getSimpleName().length() == 0 || node.getExtendsClause() != null
                || !node.getImplementsClause().isEmpty() || node.getKind() == Tree.Kind.ENUM;
        inheriting += inherits ? 1 : 0;
        scan(node.getMembers(), null);
        inheriting -= inherits ? 1 : 0;
        return null;
    }

    @Override
    public Void visitTypeParameter(TypeParameterTree node, Void unused) {
        used.declared().add(node.getName().toString());
        scan(node.getAnnotations(), null);
        types(node.getBounds());
        return null;
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void unused) {
        scan(node.getEnclosingExpression(), null);
        types(node.getTypeArguments());
        type(node.getIdentifier());
        scan(node.getArguments(), null);
        return scan(node.getClassBody(), null); // anonymous: its simple name is empty, so it counts as inheriting
    }

    @Override
    public Void visitNewArray(NewArrayTree node, Void unused) {
        type(node.getType());
        scan(node.getDimensions(), null);
        return scan(node.getInitializers(), null);
    }

    @Override
    public Void visitTypeCast(TypeCastTree node, Void unused) {
        type(node.getType());
        return scan(node.getExpression(), null);
    }

    @Override
    public Void visitInstanceOf(InstanceOfTree node, Void unused) {
        scan(node.getExpression(), null);
        if (node.getPattern() != null) {
            return scan(node.getPattern(), null);
        }
        type(node.getType());
        return null;
    }

    @Override
    public Void visitAnnotation(AnnotationTree node, Void unused) {
        if (node.getAnnotationType() instanceof IdentifierTree id) {
            used.types().add(id.getName().toString());
        }
        for (ExpressionTree argument : node.getArguments()) {
            // in @A(value = X) the name `value` is the annotation's element, not a variable
            scan(argument instanceof AssignmentTree a ? a.getExpression() : argument, null);
        }
        return null;
    }

    @Override
    public Void visitParameterizedType(ParameterizedTypeTree node, Void unused) {
        type(node);
        return null;
    }

    @Override
    public Void visitArrayType(ArrayTypeTree node, Void unused) {
        type(node);
        return null;
    }
}
