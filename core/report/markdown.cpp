#include "markdown.h"

#include "document.h"
#include "layout.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace podium::report {
namespace {

// A line break in a room's name, a question or a note ended the heading, the list item or the
// paragraph it was in. Lines are joined by `separator` (a space in a heading, a hard break
// elsewhere), and a line that would open a list or a heading of its own is escaped.
QString flowing(const QString& text, const QString& separator) {
    static const QRegularExpression breaks(uR"(\r\n|\r|\n)"_s);
    static const QRegularExpression bullet(uR"(^(\s*)([-+=]))"_s);
    static const QRegularExpression numbered(uR"(^(\s*\d+)([.)]))"_s);
    QStringList lines;
    // (In the replacement, "\\" is one backslash, before the second group.)
    for (const QString& raw : text.split(breaks, Qt::SkipEmptyParts)) {
        lines
            << markdownEscaped(raw).replace(bullet, uR"(\1\\2)"_s).replace(numbered, uR"(\1\\2)"_s);
    }
    return lines.join(separator);
}

class MarkdownWriter final : public DocumentWriter {
public:
    QString text;

    void title(const QString& t, const QString& subtitle) override {
        text += u"# "_s + flowing(t, u" "_s) + u"\n\n_"_s + flowing(subtitle, u" "_s) + u"_\n\n"_s;
    }
    void heading(int level, const QString& t) override {
        text += QString(level, u'#') + u' ' + flowing(t, u" "_s) + u"\n\n"_s;
    }
    void paragraph(const QString& t) override { text += flowing(t, u"  \n"_s) + u"\n\n"_s; }
    void remark(const QString& t) override { text += u'_' + flowing(t, u"  \n"_s) + u"_\n\n"_s; }
    void list(const QList<Line>& items, bool numbered) override {
        for (int i = 0; i < items.size(); ++i) {
            const QString marker = numbered ? u"%1. "_s.arg(i + 1) : u"- "_s;
            const QString indent(marker.size(), u' ');
            // Through flowing(): a takeaway that began "- " or "1986." became a list in the list.
            const QString body = flowing(items[i].text, u"  \n"_s + indent);
            text += marker +
                    (items[i].lead.isEmpty()
                         ? body
                         : u"**"_s + flowing(items[i].lead, u" "_s) + u"** "_s + body) +
                    u'\n';
        }
        text += u'\n';
    }
    void facts(const QList<Line>& pairs) override {
        for (const Line& l : pairs)
            text += u"- **"_s + flowing(l.lead, u" "_s) + u":** "_s + flowing(l.text, u"  \n  "_s) +
                    u'\n';
        text += u'\n';
    }
    void table(const Table& t) override;
    void chart(const Chart&) override {} // the tables beside every chart carry the figures
    void pageBreak() override {}

private:
    static QString line(const Line& l, bool inTable = false) {
        const QString body = markdownEscaped(l.text, inTable);
        return l.lead.isEmpty() ? body
                                : u"**"_s + markdownEscaped(l.lead, inTable) + u"** "_s + body;
    }
    void row(const QStringList& cells) {
        text += u'|';
        for (const QString& c : cells)
            text += u' ' + c + u" |"_s;
        text += u'\n';
    }
};

void MarkdownWriter::table(const Table& t) {
    bool withDetails = false;
    for (const auto& d : t.details)
        withDetails = withDetails || !d.isEmpty();
    QStringList head;
    for (const QString& h : t.headers)
        head << markdownEscaped(h, true);
    if (withDetails)
        head << markdownEscaped(tr("Notes"), true);
    row(head);
    QStringList rule;
    for (int i = 0; i < head.size(); ++i)
        rule << (t.numeric.contains(i) ? u"--:"_s : u"---"_s);
    row(rule);
    for (int r = 0; r < t.rows.size(); ++r) {
        QStringList cells;
        for (const QString& c : t.rows[r])
            cells << markdownEscaped(c, true);
        if (withDetails) {
            QStringList lines;
            for (const Line& l : t.details.value(r))
                lines << line(l, true);
            cells << lines.join(u"<br>"_s);
        }
        row(cells);
    }
    text += u'\n';
}

} // namespace

QString markdownEscaped(const QString& text, bool inTable) {
    static const QString special = u"\\`*_[]<>|#&~!"_s;
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (special.contains(c))
            out += u'\\';
        out += c;
    }
    if (inTable)
        out.replace(u"\r\n"_s, u"<br>"_s).replace(u'\n', u"<br>"_s).replace(u'\r', u"<br>"_s);
    return out;
}

QString toMarkdown(const Report& report, const QLocale& locale) {
    MarkdownWriter w;
    layOut(report, Formatter{locale}, w);
    return w.text;
}

} // namespace podium::report
