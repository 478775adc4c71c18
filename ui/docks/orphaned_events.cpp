#include "orphaned_events.h"

#include "model/event_text.h"

#include <QCoreApplication>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

QString tr(const char* text, int n = -1) {
    return QCoreApplication::translate("podium::OrphanedEvents", text, nullptr, n);
}

constexpr int linesShown = 40;

} // namespace

void showOrphans(QWidget* parent, const QList<Event>& events, const SessionState& before,
                 bool canAct) {
    const int n = int(events.size());
    // Said of a plain Disconnect too, where no host changed: "the previous host's" and "the seat
    // that hosts the session now" told of a handover that never was.
    const QString text =
        canAct ? (n == 1 ? tr("1 action never reached the session's host, and is not in the "
                              "session the others see. It was done here while this laptop was "
                              "not in touch with that host (or reached only this laptop, from a "
                              "host that went). Nothing was merged: redo what still matters. It "
                              "is kept apart in this laptop's file of the session.")
                         : tr("%1 actions never reached the session's host, and are not in the "
                              "session the others see. They were done here while this laptop "
                              "was not in touch with that host (or reached only this laptop, "
                              "from a host that went). Nothing was merged: redo what still "
                              "matters. They are kept apart in this laptop's file of the session.")
                               .arg(n))
               : (n == 1 ? tr("1 action of a host that went reached this laptop but not the "
                              "session's host now, and is not in the session the others see. "
                              "Nothing was merged: tell a moderator if it still matters. It is "
                              "kept apart in this laptop's file of the session.")
                         : tr("%1 actions of a host that went reached this laptop but not the "
                              "session's host now, and are not in the session the others see. "
                              "Nothing was merged: tell a moderator what still matters. They are "
                              "kept apart in this laptop's file of the session.")
                               .arg(n));
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Not in the shared session"), text,
                                QMessageBox::Ok, parent);
    box->setObjectName(u"orphanedEvents"_s);
    // Names are shown as typed, never as markup.
    QStringList lines;
    for (const Event& e : events.mid(0, linesShown))
        lines << describeEvent(e, before).toHtmlEscaped();
    if (events.size() > linesShown)
        lines << tr("…and %n more.", int(events.size() - linesShown));
    box->setInformativeText(u"<p>%1</p>"_s.arg(lines.join(u"<br>"_s)));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

} // namespace podium
