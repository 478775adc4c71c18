#include "report_dock.h"

#include "report/html.h"
#include "report/report.h"
#include "report/report_menu.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPalette>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace podium {

ReportDock::ReportDock(Cockpit& cockpit, QWidget* parent)
    : SessionDock(cockpit, u"ReportDock"_s, parent)
    , m_cockpit(cockpit) {
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &ReportDock::refreshNow);
    const SessionEngine& engine = cockpit.engine();
    connect(&engine, &SessionEngine::eventApplied, this, &ReportDock::refreshSoon);
    connect(&engine, &SessionEngine::stateReset, this, &ReportDock::refreshSoon);
    // While someone speaks, their running time in the preview moves on every few seconds.
    connect(&cockpit, &Cockpit::tick, this, [this] {
        if (m_cockpit.state().floor && m_sinceRefresh.isValid() &&
            m_sinceRefresh.elapsed() > liveRefreshMs)
            refreshSoon();
    });
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_stale)
            refreshSoon();
    });
    buildWhenShown();
}

void ReportDock::build() {
    m_view = new QTextBrowser;
    m_export = new QPushButton;
    m_hint = new QLabel;
    m_view->setObjectName(u"reportPreview"_s);
    m_view->setOpenLinks(false);
    // The report wraps to the preview's width; Qt's layout of its full-width tables came out a
    // few pixels wider, and a sideways scroll bar stood under a page that had nothing to the side.
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // The report is a page, dark text on white as in its PDF, in every theme: on the dark
    // theme's background its text could not be read.
    QPalette paper = m_view->palette();
    paper.setColor(QPalette::Base, Qt::white);
    paper.setColor(QPalette::Text, Qt::black);
    m_view->setPalette(paper);
    m_export->setObjectName(u"exportReport"_s);
    m_hint->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_hint, 1);
    buttons->addWidget(m_export);
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    setWidget(body);
    connect(m_export, &QPushButton::clicked, this, &ReportDock::exportRequested);
}

QTextBrowser* ReportDock::preview() {
    ensureBuilt();
    return m_view;
}

void ReportDock::setNotesSource(NotesSource source) {
    m_notes = std::move(source);
    refreshSoon();
}

// At most 0.4 s after a change, also while changes keep coming: restarting the wait at every one
// kept the preview from ever being rebuilt while someone spoke (the clock ticks 5 times a second).
void ReportDock::refreshSoon() {
    m_stale = true;
    // A hidden preview costs nothing: it is rebuilt when shown.
    if (isVisible() && !m_debounce.isActive())
        m_debounce.start();
}

void ReportDock::refreshNow() {
    ensureBuilt();
    m_debounce.stop();
    report::Report r = currentReport(m_cockpit, notes());
    report::keepLatestSpeeches(r, previewSpeeches);
    QScrollBar* bar = m_view->verticalScrollBar();
    const int position = bar->value();
    const bool atEnd = position > 0 && position >= bar->maximum();
    m_view->setHtml(report::toHtml(r, QLocale(), report::HtmlFlavor::RichText));
    // The reader keeps their place while the session goes on; one at the end, where the latest
    // notes are, stays at the end. Again once the event loop has turned: the scroll bar takes the
    // new text's length only then, and the place was cut down to the length it had meanwhile (a
    // rapporteur reading the end was taken back 70 speeches).
    const auto keepPlace = [bar, position, atEnd] {
        bar->setValue(atEnd ? bar->maximum() : position);
    };
    keepPlace();
    QTimer::singleShot(0, bar, keepPlace);
    m_stale = false;
    m_sinceRefresh.start();
}

QString ReportDock::title() const {
    return tr("Report preview");
}

void ReportDock::retranslate() {
    m_export->setText(tr("Export…"));
    m_hint->setText(tr("Updated as the session goes on."));
}

} // namespace podium
