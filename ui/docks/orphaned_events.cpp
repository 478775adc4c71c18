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
    const QString text =
        canAct ? tr("%n action(s) this seat had (its own, or the previous host's) never reached "
                    "the seat that hosts the session now, and are not in the session the others "
                    "see. Nothing was merged: redo what still matters. They are kept apart in "
                    "this seat's file.",
                    n)
               : tr("%n action(s) of the previous host reached this seat but not the seat that "
                    "hosts the session now, and are not in the session the others see. Nothing "
                    "was merged: tell a moderator what still matters. They are kept apart in this "
                    "seat's file.",
                    n);
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
