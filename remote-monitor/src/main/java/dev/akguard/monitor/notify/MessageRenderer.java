package dev.akguard.monitor.notify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a {@link Message} as plain text (email, inbox), Markdown (DingTalk) or Slack mrkdwn. */
public final class MessageRenderer {
    /**
     * Characters that would start emphasis, code, links or HTML. Kept minimal: renderers such as
     * DingTalk's show a backslash before characters that needed no escape, e.g. "\(".
     */
    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>])");

    private MessageRenderer() {}

    public static String plainText(Message m) {
        StringBuilder b = new StringBuilder();
        b.append(m.summary()).append("\n\n");
        for (Message.Field f : m.fields()) {
            if (f.value() == null) continue;
            b.append(f.label()).append(": ").append(f.value());
            if (f.link() != null) b.append(" <").append(f.link()).append('>');
            b.append('\n');
        }
        if (!m.evidence().isEmpty()) {
            b.append("\nEvidence:\n");
            for (String e : m.evidence()) b.append("  - ").append(e).append('\n');
        }
        if (m.action() != null) b.append('\n').append(m.action()).append('\n');
        return b.toString();
    }

    /** Markdown as DingTalk's robot renders it: headings, bold, links, lists. */
    public static String markdown(Message m) {
        StringBuilder b = new StringBuilder();
        b.append("### ").append(md(m.title())).append("\n\n");
        b.append(md(m.summary())).append("\n\n");
        for (Message.Field f : m.fields()) {
            if (f.value() == null) continue;
            b.append("- **").append(md(f.label())).append("**: ");
            if (f.link() != null)
                b.append('[')
                        .append(md(f.value()))
                        .append("](")
                        .append(f.link().replace(")", "%29"))
                        .append(')');
            else b.append(md(f.value()));
            b.append('\n');
        }
        if (!m.evidence().isEmpty()) {
            b.append("\n**Evidence**\n\n");
            for (String e : m.evidence()) b.append("- ").append(md(e)).append('\n');
        }
        // the action is akguard's own text, with `commands` meant as code spans: not escaped
        if (m.action() != null) b.append('\n').append(m.action()).append('\n');
        return b.toString();
    }

    /** Slack's mrkdwn: *bold*, {@code <url|text>} links; only &, < and > need escaping. */
    public static String slackMrkdwn(Message m) {
        StringBuilder b = new StringBuilder();
        b.append(slack(m.summary())).append("\n\n");
        for (Message.Field f : m.fields()) {
            if (f.value() == null) continue;
            b.append("*").append(slack(f.label())).append(":* ");
            if (f.link() != null)
                b.append('<')
                        .append(f.link().replace("|", "%7C").replace(">", "%3E"))
                        .append('|')
                        .append(slack(f.value()))
                        .append('>');
            else b.append(slack(f.value()));
            b.append('\n');
        }
        if (!m.evidence().isEmpty()) {
            b.append("\n*Evidence*\n");
            for (String e : m.evidence()) b.append("• ").append(slack(e)).append('\n');
        }
        if (m.action() != null) b.append('\n').append(slack(m.action())).append('\n');
        return b.toString();
    }

    static String md(String s) {
        return s == null
                ? ""
                : MARKDOWN_SPECIAL.matcher(s).replaceAll(Matcher.quoteReplacement("\\") + "$1");
    }

    static String slack(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
