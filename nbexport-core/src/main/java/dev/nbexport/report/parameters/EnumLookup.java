package dev.nbexport.report.parameters;

import java.util.List;
import java.util.Optional;

/** Finds enums on the project's class path, so that an enum parameter's values can be checked before running. */
@FunctionalInterface
public interface EnumLookup {

    /** Finds nothing: every enum parameter is unsupported. */
    EnumLookup NONE = name -> Optional.empty();

    /** The constants of the enum with this binary name, or empty when there is no such enum. */
    Optional<List<String>> constants(String qualifiedName);
}
