#include "voting_page.h"

#include "ballot_box.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace podium::web {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::web", text);
}

QString escaped(const QString& text) {
    return text.toHtmlEscaped();
}

// Large targets for a thumb, readable in a bright room, and the phone's own font.
const QString style = uR"(
:root{color-scheme:light dark}
body{font-family:system-ui,sans-serif;margin:0;padding:1rem;background:#fff;color:#111;
font-size:1.15rem;line-height:1.4}
h1{font-size:1rem;font-weight:normal;color:#444;margin:0 0 1rem}
h2{font-size:1.4rem;margin:0 0 1rem}
label{display:block;border:2px solid #888;border-radius:.6rem;padding:.9rem;margin:0 0 .7rem}
label:has(input:checked){border-color:#0b5394;background:#e8f0fe;font-weight:bold}
input[type=radio],input[type=checkbox]{transform:scale(1.5);margin-inline-end:.8rem}
button{width:100%;font-size:1.2rem;padding:1rem;border:0;border-radius:.6rem;
background:#0b5394;color:#fff}
.notice{padding:.8rem;border-radius:.6rem;background:#e6f4ea;margin:0 0 1rem}
.refused{background:#fce8e6}
.quiet{color:#444}
@media (prefers-color-scheme:dark){body{background:#111;color:#eee}h1,.quiet{color:#bbb}
label:has(input:checked){background:#16325c;border-color:#8ab4f8}
.notice{background:#173d24}.refused{background:#5c1a15}}
)"_s;

QString form(const Poll& poll) {
    const QString type = poll.multipleChoice ? u"checkbox"_s : u"radio"_s;
    QString html = u"<form method=\"post\" action=\"/vote\">"
                   "<input type=\"hidden\" name=\"poll\" value=\"%1\">"
                   "<h2>%2</h2>"_s.arg(poll.id)
                       .arg(escaped(poll.question));
    if (poll.multipleChoice)
        html += u"<p class=\"quiet\">%1</p>"_s.arg(escaped(tr("Choose as many as you like.")));
    // One choice is required before the browser sends it; several may be none, said on return.
    const QString required = poll.multipleChoice ? QString() : u" required"_s;
    for (int i = 0; i < poll.options.size(); ++i)
        html += u"<label><input type=\"%1\" name=\"option\" value=\"%2\"%3>%4</label>"_s.arg(type)
                    .arg(i)
                    .arg(required)
                    .arg(escaped(poll.options[i]));
    html += u"<button type=\"submit\">%1</button></form>"_s.arg(escaped(tr("Vote")));
    // A phone that opened the form and never voted stayed on a poll long closed: the page asks
    // which poll is open, and when it is another (or none) and nothing is chosen, it is reloaded.
    // Without script, the form simply stays until its Vote is pressed.
    html += u"<script>setInterval(function(){if(document.querySelector('input:checked'))return;"
            "fetch('/poll').then(function(r){return r.text()}).then(function(t){"
            "if(t!=='%1')location.replace('/')}).catch(function(){})},%2)</script>"_s.arg(poll.id)
                .arg(votingPageReloadSeconds * 1000);
    return html;
}

QString votedText(const Poll& poll, const QList<int>& votedFor) {
    QStringList chosen;
    for (int option : votedFor)
        chosen << poll.options.value(option);
    return u"<h2>%1</h2><p>%2</p><p class=\"quiet\">%3</p>"_s.arg(
        escaped(poll.question),
        escaped(tr("Your vote: %1.").arg(QLocale().createSeparatedList(chosen))),
        escaped(tr("It is counted. The next poll shows here by itself.")));
}

} // namespace

QByteArray openPollId(const SessionState& state) {
    const Poll* open = pollOpenForVoting(state);
    return QByteArray::number(open ? open->id : 0);
}

QByteArray votingPage(const SessionState& state, const QList<int>& votedFor,
                      const PageNotice& notice) {
    const Poll* open = pollOpenForVoting(state);
    const bool showsForm = open && votedFor.isEmpty();
    const QLocale locale;
    QString body;
    body += u"<h1>%1</h1>"_s.arg(escaped(state.info.title));
    if (!notice.text.isEmpty())
        body += u"<p class=\"notice%1\" role=\"status\">%2</p>"_s.arg(
            notice.refused ? u" refused"_s : QString(), escaped(notice.text));
    if (showsForm)
        body += form(*open);
    else if (open)
        body += votedText(*open, votedFor);
    else
        body += u"<p class=\"quiet\">%1</p>"_s.arg(
            escaped(tr("No poll is open right now. Keep this page open: the next poll shows "
                       "here by itself.")));
    // From "/": after a refused vote the page is the answer to a POST, whose own address a
    // reload would ask for, which is not a page.
    const QString reload =
        showsForm
            ? QString()
            : u"<meta http-equiv=\"refresh\" content=\"%1;url=/\">"_s.arg(votingPageReloadSeconds);
    const QString page =
        u"<!DOCTYPE html><html lang=\"%1\" dir=\"%2\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">%3"
        "<title>%4</title><style>%5</style></head><body>%6</body></html>"_s.arg(
            locale.bcp47Name(), locale.textDirection() == Qt::RightToLeft ? u"rtl"_s : u"ltr"_s,
            reload, escaped(tr("Vote: %1").arg(state.info.title)), style, body);
    return page.toUtf8();
}

} // namespace podium::web
