#pragma once

#include "audience_view.h"

#include <QImage>
#include <QWidget>

namespace podium {

class SessionEngine;
struct Event;

// The room's projector: who speaks now, who comes next (in the room or online), and the results
// of the poll of the moment as bars with percentages. It changes only when the session does.
class AudienceDisplay : public QWidget {
    Q_OBJECT
public:
    explicit AudienceDisplay(const SessionEngine& engine, QWidget* parent = nullptr);

    const AudienceView& view() const { return m_view; }
    void refresh();
    // Where phones in the room vote (empty: no voting page): shown with its QR code under an
    // open poll, so the room need not type it.
    void setVotingAddress(const QString& url);
    // The poll's first line: open or closed, and where to vote while it is open.
    static QString pollHeading(bool open, const QString& votingAddress);
    // Under the poll: the total, and what came from the room, online and the web.
    static QString totalsText(const AudienceView& view);

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void onEvent(const podium::Event& event);
    QRect visual(const QRect& r) const;
    int paintSpeakers(QPainter& p, QRect box);
    void paintSpeakerRow(QPainter& p, const QRect& row, const AudienceSpeaker& s, int rank,
                         const QFont& nameFont);
    int nameWidth(int width, int rank) const;
    int shareWidth(int rowHeight) const;
    static QString shareText(const AudiencePollRow& option);
    void paintPoll(QPainter& p, QRect box);
    void paintBar(QPainter& p, const QRect& row, const AudiencePollRow& option,
                  const QFont& optionFont);

    const SessionEngine& m_engine;
    Id m_lastClosed = 0;
    QString m_votingAddress;
    QImage m_votingCode;
    AudienceView m_view;
};

} // namespace podium
