package dev.nbexport.directive;

import java.util.Locale;

/** Finds the directive a misspelt name most likely meant, for "did you mean" messages. */
final class ClosestName {

    private static final int MAX_DISTANCE = 2;
    private static final int MIN_PREFIX = 3;

    private ClosestName() {
    }

    /**
     * The closest directive: same name ignoring case and {@code -}/{@code _}, else the smallest
     * Damerau-Levenshtein distance up to 2 (earlier directives win ties), else one the name is a
     * prefix of (at least 3 characters) or that is a prefix of the name. {@code null} when none is close.
     */
    static Directive of(String name) {
        String wanted = normalise(name);
        Directive best = null;
        int bestDistance = MAX_DISTANCE + 1;
        for (Directive d : Directive.values()) {
            int distance = distance(wanted, d.key());
            if (distance < bestDistance) {
                best = d;
                bestDistance = distance;
            }
        }
        if (best != null) {
            return best;
        }
        for (Directive d : Directive.values()) {
            if (wanted.length() >= MIN_PREFIX && d.key().startsWith(wanted) || wanted.startsWith(d.key())) {
                return d;
            }
        }
        return null;
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring). */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > MAX_DISTANCE) {
            return MAX_DISTANCE + 1;
        }
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }
}
