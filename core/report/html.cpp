#include "html.h"

#include "chart.h"
#include "document.h"
#include "layout.h"

using namespace Qt::StringLiterals;

namespace podium::report {
namespace {

const char* const browserStyle = R"(
body{font-family:system-ui,"Segoe UI",Roboto,"Noto Sans",sans-serif;max-width:62rem;margin:2rem auto;
padding:0 1rem;color:#1a202c;line-height:1.45}
h1{font-size:1.8rem;margin:0}
.subtitle{color:#4a5568;margin:.2rem 0 1rem;text-transform:uppercase;letter-spacing:.05em;font-size:.85rem}
h2{border-bottom:2px solid #2b6cb0;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
th,td{border:1px solid #cbd5e0;padding:.3rem .5rem;text-align:start;vertical-align:top}
th{background:#edf2f7}
.num{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.notes td{background:#fffbea;font-size:.92rem}
table.facts th,table.facts td{border:none;background:none;padding:.1rem .5rem .1rem 0}
table.facts th{width:11rem}
.remark{color:#4a5568;font-style:italic}
figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.3rem}
svg{max-width:100%;height:auto}
.page-break{break-before:page}
@media print{body{margin:0;max-width:none}tr{break-inside:avoid}}
)";

const char* const richTextStyle = R"(
body{font-family:sans-serif;font-size:10pt;color:#1a202c}
h1{font-size:18pt;margin-bottom:0}
h2{font-size:14pt;color:#2b6cb0;margin-top:18pt}
h3{font-size:11pt;margin-top:12pt}
th{background-color:#edf2f7;text-align:left}
.subtitle{color:#4a5568}
.remark{color:#4a5568;font-style:italic}
tr.notes td{background-color:#fffbea}
)";

QString esc(const QString& text) {
    return text.toHtmlEscaped().replace(u'\n', u"<br/>"_s);
}

class HtmlWriter final : public DocumentWriter {
public:
    explicit HtmlWriter(HtmlFlavor flavor)
        : m_flavor(flavor) {}
    QString body;

    void title(const QString& t, const QString& subtitle) override {
        body += u"<h1>%1</h1>\n<p class=\"subtitle\">%2</p>\n"_s.arg(esc(t), esc(subtitle));
    }
    void heading(int level, const QString& t) override {
        body += u"<h%1>%2</h%1>\n"_s.arg(QString::number(level), esc(t));
    }
    void paragraph(const QString& t) override { body += u"<p>%1</p>\n"_s.arg(esc(t)); }
    void remark(const QString& t) override {
        body += u"<p class=\"remark\"><i>%1</i></p>\n"_s.arg(esc(t));
    }
    void list(const QList<Line>& items, bool numbered) override {
        const QString tag = numbered ? u"ol"_s : u"ul"_s;
        body += u'<' + tag + u">\n"_s;
        for (const Line& l : items)
            body += u"<li>%1</li>\n"_s.arg(line(l));
        body += u"</"_s + tag + u">\n"_s;
    }
    void facts(const QList<Line>& pairs) override {
        body += u"<table class=\"facts\" cellspacing=\"0\" cellpadding=\"2\">\n"_s;
        for (const Line& l : pairs)
            body += u"<tr><th>%1</th><td>%2</td></tr>\n"_s.arg(esc(l.lead), esc(l.text));
        body += u"</table>\n"_s;
    }
    void table(const Table& t) override;
    void chart(const Chart& c) override {
        body += m_flavor == HtmlFlavor::Browser ? svgBarChart(c) : richTextBarChart(c);
    }
    void pageBreak() override {
        body += m_flavor == HtmlFlavor::Browser
                    ? u"<div class=\"page-break\"></div>\n"_s
                    : u"<p style=\"page-break-before: always; margin: 0\"></p>\n"_s;
    }

private:
    static QString line(const Line& l) {
        return l.lead.isEmpty() ? esc(l.text) : u"<b>%1</b> %2"_s.arg(esc(l.lead), esc(l.text));
    }
    static QString cell(const QString& tag, const QString& text, bool numeric) {
        const QString attrs = numeric ? u" class=\"num\" align=\"right\""_s : QString();
        return u"<%1%2>%3</%1>"_s.arg(tag, attrs, esc(text));
    }
    HtmlFlavor m_flavor;
};

void HtmlWriter::table(const Table& t) {
    body += u"<table class=\"data\" width=\"100%\" border=\"1\" cellspacing=\"0\" "
            "cellpadding=\"3\" style=\"border-collapse: collapse; border-color: #cbd5e0; "
            "margin-bottom: 8px\">\n"
            "<thead><tr>"_s;
    for (int c = 0; c < t.headers.size(); ++c) {
        QString header = cell(u"th"_s, t.headers[c], t.numeric.contains(c));
        if (t.widths.value(c) > 0)
            header.insert(3, u" width=\"%1%\""_s.arg(t.widths[c]));
        body += header;
    }
    body += u"</tr></thead>\n<tbody>\n"_s;
    for (int r = 0; r < t.rows.size(); ++r) {
        body += u"<tr>"_s;
        for (int c = 0; c < t.rows[r].size(); ++c)
            body += cell(u"td"_s, t.rows[r][c], t.numeric.contains(c));
        body += u"</tr>\n"_s;
        const QList<Line> details = t.details.value(r);
        if (details.isEmpty())
            continue;
        QStringList lines;
        for (const Line& l : details)
            lines << line(l);
        body +=
            u"<tr class=\"notes\"><td></td><td colspan=\"%1\" bgcolor=\"#fffbea\">%2</td></tr>\n"_s
                .arg(QString::number(t.headers.size() - 1), lines.join(u"<br/>"_s));
    }
    body += u"</tbody></table>\n"_s;
}

} // namespace

QString toHtml(const Report& report, const QLocale& locale, HtmlFlavor flavor) {
    HtmlWriter w(flavor);
    layOut(report, Formatter{locale}, w);
    // On one line: a <title> holds text only, and "<br/>" showed as such in the browser's tab.
    const QString title =
        report.info.title.isEmpty() ? tr("Session report") : report.info.title.simplified();
    const QString dir = locale.textDirection() == Qt::RightToLeft ? u"rtl"_s : u"ltr"_s;
    const char* style = flavor == HtmlFlavor::Browser ? browserStyle : richTextStyle;
    return u"<!DOCTYPE html>\n<html lang=\"%1\" dir=\"%2\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"Podium\">\n<title>%3</title>\n<style>%4</style>\n"
           "</head>\n<body>\n%5</body>\n</html>\n"_s.arg(locale.bcp47Name(), dir, esc(title),
                                                         QString::fromUtf8(style), w.body);
}

} // namespace podium::report
