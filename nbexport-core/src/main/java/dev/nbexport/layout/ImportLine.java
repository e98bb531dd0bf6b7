package dev.nbexport.layout;

import java.util.Objects;

/**
 * One import of a generated file: {@code import java.util.List;}, {@code import static a.B.c;},
 * {@code import java.util.*;}. Sorted as the file lists them: static imports first, each group by name.
 *
 * @param name the qualified name, without {@code .*}
 * @param isStatic whether it is {@code import static}
 * @param onDemand whether it ends with {@code .*}
 */
public record ImportLine(String name, boolean isStatic, boolean onDemand) implements Comparable<ImportLine> {

    public ImportLine {
        Objects.requireNonNull(name, "name");
    }

    /** A single-type import, {@code import a.b.C;}. */
    public static ImportLine of(String qualifiedName) {
        return new ImportLine(qualifiedName, false, false);
    }

    /** A single static import, {@code import static a.B.m;}. */
    public static ImportLine ofStatic(String qualifiedMember) {
        return new ImportLine(qualifiedMember, true, false);
    }

    /** The simple name a single import brings in: {@code List} for {@code java.util.List}. */
    public String simpleName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The imported name as written: {@code java.util.*}, {@code a.B.m}. */
    public String target() {
        return onDemand ? name + ".*" : name;
    }

    /** The line as written: {@code import static a.B.m;}. */
    public String render() {
        return "import " + (isStatic ? "static " : "") + target() + ";";
    }

    @Override
    public int compareTo(ImportLine o) {
        if (isStatic != o.isStatic) {
            return isStatic ? -1 : 1;
        }
        return target().compareTo(o.target());
    }

    @Override
    public String toString() {
        return render();
    }
}
