package dev.nbexport.docs.output;

import dev.nbexport.docs.html.Html;
import java.util.ArrayList;
import java.util.List;

/**
 * Terminal text (streams, tracebacks) to HTML: SGR colour and style escapes become spans, other
 * escape sequences are dropped, and a carriage return overwrites its line as a terminal would
 * (progress bars show their last state).
 *
 * <p>The 16 standard colours become classes ({@code ansi-fg-1}, {@code ansi-bg-9}) that the theme
 * colours for light and dark; 256-colour and true-colour escapes become inline colours. Everything
 * else is escaped text.
 */
public final class AnsiHtml {

    private AnsiHtml() {}

    private static final String[] PALETTE_16 = {"#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc",
        "#11a8cd", "#e5e5e5", "#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff"};

    /** {@code text} as HTML (no {@code <pre>} around it). */
    public static String toHtml(String text) {
        String lines = overwriteCarriageReturns(text);
        StringBuilder html = new StringBuilder(lines.length() + 32);
        Style style = new Style();
        boolean open = false;
        int i = 0;
        int plainStart = 0;
        while (i < lines.length()) {
            char c = lines.charAt(i);
            if (c != '\u001b') {
                i++;
                continue;
            }
            appendText(html, lines, plainStart, i);
            int end = i + 1;
            if (end < lines.length() && lines.charAt(end) == '[') {
                end++;
                while (end < lines.length() && (Character.isDigit(lines.charAt(end)) || lines.charAt(end) == ';'
                        || lines.charAt(end) == '?')) {
                    end++;
                }
                if (end < lines.length()) {
                    char command = lines.charAt(end);
                    if (command == 'm') {
                        if (open) {
                            html.append("</span>");
                            open = false;
                        }
                        style.apply(lines.substring(i + 2, end));
                        String span = style.openTag();
                        if (span != null) {
                            html.append(span);
                            open = true;
                        }
                    }
                    end++;
                }
            } else if (end < lines.length()) {
                end++; // a two-character escape
            }
            i = end;
            plainStart = end;
        }
        appendText(html, lines, plainStart, lines.length());
        if (open) {
            html.append("</span>");
        }
        return html.toString();
    }

    private static void appendText(StringBuilder html, String s, int from, int to) {
        if (to > from) {
            html.append(Html.escape(s.substring(from, to)));
        }
    }

    /** Each line keeps what follows its last lone {@code \r}. */
    static String overwriteCarriageReturns(String text) {
        if (text.indexOf('\r') < 0) {
            return text;
        }
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int cr = line.lastIndexOf('\r');
            // "50%\r100%\r" ends with \r: the line shown is the last non-empty state
            while (cr >= 0 && cr == line.length() - 1) {
                line = line.substring(0, cr);
                cr = line.lastIndexOf('\r');
            }
            out.append(cr >= 0 ? line.substring(cr + 1) : line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static final class Style {
        boolean bold;
        boolean faint;
        boolean italic;
        boolean underline;
        String fg; // a class suffix (0-15) or a #colour
        String bg;

        void apply(String parameters) {
            List<Integer> codes = new ArrayList<>();
            for (String p : parameters.split(";", -1)) {
                try {
                    codes.add(p.isEmpty() ? 0 : Integer.parseInt(p));
                } catch (NumberFormatException e) {
                    codes.add(-1);
                }
            }
            for (int k = 0; k < codes.size(); k++) {
                int code = codes.get(k);
                if (code == 0) {
                    bold = faint = italic = underline = false;
                    fg = bg = null;
                } else if (code == 1) {
                    bold = true;
                } else if (code == 2) {
                    faint = true;
                } else if (code == 3) {
                    italic = true;
                } else if (code == 4) {
                    underline = true;
                } else if (code == 22) {
                    bold = faint = false;
                } else if (code == 23) {
                    italic = false;
                } else if (code == 24) {
                    underline = false;
                } else if (code >= 30 && code <= 37) {
                    fg = Integer.toString(code - 30);
                } else if (code >= 90 && code <= 97) {
                    fg = Integer.toString(code - 90 + 8);
                } else if (code >= 40 && code <= 47) {
                    bg = Integer.toString(code - 40);
                } else if (code >= 100 && code <= 107) {
                    bg = Integer.toString(code - 100 + 8);
                } else if (code == 39) {
                    fg = null;
                } else if (code == 49) {
                    bg = null;
                } else if ((code == 38 || code == 48) && k + 1 < codes.size()) {
                    String colour = null;
                    if (codes.get(k + 1) == 5 && k + 2 < codes.size()) {
                        colour = color256(codes.get(k + 2));
                        k += 2;
                    } else if (codes.get(k + 1) == 2 && k + 4 < codes.size()) {
                        colour = rgb(codes.get(k + 2), codes.get(k + 3), codes.get(k + 4));
                        k += 4;
                    }
                    if (colour != null) {
                        if (code == 38) {
                            fg = colour;
                        } else {
                            bg = colour;
                        }
                    }
                }
            }
        }

        String openTag() {
            StringBuilder classes = new StringBuilder();
            StringBuilder css = new StringBuilder();
            if (bold) {
                classes.append(" ansi-bold");
            }
            if (faint) {
                classes.append(" ansi-faint");
            }
            if (italic) {
                classes.append(" ansi-italic");
            }
            if (underline) {
                classes.append(" ansi-underline");
            }
            colour(fg, "fg", "color", classes, css);
            colour(bg, "bg", "background-color", classes, css);
            if (classes.length() == 0 && css.length() == 0) {
                return null;
            }
            StringBuilder tag = new StringBuilder("<span");
            if (classes.length() > 0) {
                tag.append(" class=\"").append(classes.substring(1)).append('"');
            }
            if (css.length() > 0) {
                tag.append(" style=\"").append(css).append('"');
            }
            return tag.append('>').toString();
        }

        private static void colour(String value, String kind, String property, StringBuilder classes, StringBuilder css) {
            if (value == null) {
                return;
            }
            if (value.startsWith("#")) {
                css.append(property).append(':').append(value).append(';');
            } else {
                classes.append(" ansi-").append(kind).append('-').append(value);
            }
        }

        private static String color256(int n) {
            if (n < 0 || n > 255) {
                return null;
            }
            if (n < 16) {
                return PALETTE_16[n];
            }
            if (n >= 232) {
                int level = 8 + (n - 232) * 10;
                return rgb(level, level, level);
            }
            int v = n - 16;
            int[] steps = {0, 95, 135, 175, 215, 255};
            return rgb(steps[v / 36], steps[(v / 6) % 6], steps[v % 6]);
        }

        private static String rgb(int r, int g, int b) {
            if (r < 0 || r > 255 || g < 0 || g > 255 || b < 0 || b > 255) {
                return null;
            }
            return String.format("#%02x%02x%02x", r, g, b);
        }
    }
}
