package dev.nbexport.docs.markdown;

import org.commonmark.node.CustomNode;

/** TeX math from {@code $…$} (inline) or {@code $$…$$} (display), kept away from markdown. */
final class MathNode extends CustomNode {

    final String tex;
    final boolean display;

    MathNode(String tex, boolean display) {
        this.tex = tex;
        this.display = display;
    }
}
