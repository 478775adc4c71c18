#include "audience_display.h"

#include "display_text.h"
#include "engine/session_engine.h"
#include "model/cbor_input.h"
#include "qr_code.h"

#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QStyle>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

const QColor backdrop(0x10, 0x14, 0x18);
const QColor ink(0xf1, 0xf3, 0xf4);
const QColor muted(0x9a, 0xa0, 0xa6);
const QColor barTrack(0x2a, 0x30, 0x36);
const QColor barFill(0x4f, 0xc3, 0xf7);

QColor channelColour(Presence p) {
    return p == Presence::Online ? QColor(0x7e, 0x57, 0xc2) : QColor(0x00, 0x89, 0x7b);
}

// Shrinks `font` until every text fits `width`, but not below two thirds of its size: smaller
// would not be read from the back of the room (longer texts are elided then).
QFont fittingAll(QFont font, const QStringList& texts, int width) {
    const int smallest = font.pixelSize() * 2 / 3;
    const auto fits = [&] {
        const QFontMetrics metrics(font);
        return std::all_of(texts.cbegin(), texts.cend(), [&](const QString& text) {
            return metrics.elidedText(text, Qt::ElideRight, width) == text; // as drawn
        });
    };
    while (font.pixelSize() > smallest && !fits())
        font.setPixelSize(font.pixelSize() - 1);
    return font;
}

// One line: the font shrinks to two thirds of its size to fit before the text is elided. A font
// already fitted to a list (`fitted`) is kept as it is, so the list reads in one size.
void drawLine(QPainter& p, const QRect& r, const QString& text, QFont font, const QColor& c,
              Qt::Alignment align = Qt::AlignLeft, bool fitted = false) {
    if (!fitted)
        font = fittingAll(font, {text}, r.width());
    p.setFont(font);
    p.setPen(c);
    const QString shown = QFontMetrics(font).elidedText(text, Qt::ElideRight, r.width());
    p.drawText(r, int(align | Qt::AlignVCenter | Qt::TextSingleLine), shown);
}

// A name too long for its line, even in the list's smallest font, goes on more lines, in a font
// no smaller than two thirds of that: cut at its end, it would lose the family name. One that
// does not fit so (a single long word, a box with a kind line under it) is cut all the same.
void drawName(QPainter& p, const QRect& r, const QString& name, const QFont& font) {
    const auto oneLine = [&] {
        drawLine(p, r, name, font, ink, Qt::AlignLeft, true);
    };
    if (QFontMetrics(font).elidedText(name, Qt::ElideRight, r.width()) == name)
        return oneLine(); // it fits: the usual case, with no wrapping worked out
    const int flags = Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap;
    const QFont wrapped = fittingWrapped(font, r, name, flags);
    const QRect needs = QFontMetrics(wrapped).boundingRect(r, flags, name);
    if (wrapped.pixelSize() < font.pixelSize() * 2 / 3 || needs.width() > r.width() ||
        needs.height() > r.height())
        return oneLine();
    p.setFont(wrapped);
    p.setPen(ink);
    p.drawText(r, flags, name);
}

// Several answers allowed, a total counts answers: "120 votes" read as 120 people.
QString votes(qint64 n, bool answers) {
    if (answers)
        return n == 1
                   ? AudienceDisplay::tr("1 answer (several allowed)")
                   : AudienceDisplay::tr("%1 answers (several allowed)").arg(QLocale().toString(n));
    return n == 1 ? AudienceDisplay::tr("1 vote")
                  : AudienceDisplay::tr("%1 votes").arg(QLocale().toString(n));
}

} // namespace

AudienceDisplay::AudienceDisplay(const SessionEngine& engine, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_engine(engine) {
    setObjectName(QStringLiteral("AudienceDisplay"));
    setWindowTitle(tr("Audience display"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(480, 270);
    resize(1280, 720);
    connect(&m_engine, &SessionEngine::eventApplied, this, &AudienceDisplay::onEvent);
    connect(&m_engine, &SessionEngine::stateReset, this, [this] {
        m_lastClosed = 0;
        refresh();
    });
    refresh();
}

void AudienceDisplay::onEvent(const Event& event) {
    if (event.action == Action::ClosePoll)
        m_lastClosed = integerOf(event.data.value(u"poll"_s));
    refresh();
}

void AudienceDisplay::refresh() {
    const SessionState& s = m_engine.state();
    AudienceView view = audienceViewOf(s, pollToShow(s, m_lastClosed));
    if (view == m_view)
        return;
    m_view = std::move(view);
    update();
}

QRect AudienceDisplay::visual(const QRect& r) const {
    return QStyle::visualRect(layoutDirection(), rect(), r);
}

void AudienceDisplay::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), backdrop);
    const int u = qMax(8, height() / 40), margin = 2 * u;
    const QRect header(margin, margin, width() - 2 * margin, 3 * u);
    drawLine(p, visual(header), m_view.title, displayFont(2 * u, true), ink);
    QRect body(margin, header.bottom() + 2 * u, header.width(), height() - header.bottom() - 4 * u);
    if (m_view.pollId == 0) {
        paintSpeakers(p, body);
        return;
    }
    const int split = body.width() * 42 / 100;
    paintSpeakers(p, QRect(body.left(), body.top(), split - u, body.height()));
    paintPoll(p, QRect(body.left() + split + 2 * u, body.top(), body.width() - split - 2 * u,
                       body.height()));
}

int AudienceDisplay::paintSpeakers(QPainter& p, QRect box) {
    const int u = qMax(8, height() / 40);
    QRect row(box.left(), box.top(), box.width(), 2 * u);
    drawLine(p, visual(row), tr("Now speaking"), displayFont(u * 13 / 10, false), muted);
    row.translate(0, row.height());
    row.setHeight(4 * u);
    if (m_view.speaker) {
        const QFont speaking = fittingAll(displayFont(row.height() * 6 / 10, true),
                                          {m_view.speaker->name}, nameWidth(row.width(), 0));
        paintSpeakerRow(p, row, *m_view.speaker, 0, speaking);
    } else
        drawLine(p, visual(row), m_view.anyoneSpoke ? tr("Nobody right now") : tr("Nobody yet"),
                 displayFont(2 * u, false), muted);
    row.translate(0, row.height() + u);
    row.setHeight(2 * u);
    drawLine(p, visual(row), m_view.next.isEmpty() ? tr("Nobody is waiting to speak") : tr("Next"),
             displayFont(u * 13 / 10, false), muted);
    row.translate(0, row.height());
    row.setHeight(3 * u);
    QStringList names;
    for (const AudienceSpeaker& s : m_view.next)
        names.append(s.name);
    const QFont waiting =
        fittingAll(displayFont(row.height() / 2, false), names, nameWidth(row.width(), 1));
    for (int i = 0; i < m_view.next.size() && row.bottom() <= box.bottom(); ++i) {
        paintSpeakerRow(p, row, m_view.next[i], i + 1, waiting);
        row.translate(0, row.height());
    }
    if (m_view.moreWaiting > 0 && row.bottom() <= box.bottom())
        drawLine(p, visual(row), tr("and %1 more").arg(QLocale().toString(m_view.moreWaiting)),
                 displayFont(u * 13 / 10, false), muted);
    return row.bottom();
}

// Room for a name in a row `width` wide: less the number (waiting speakers) and the badge.
int AudienceDisplay::nameWidth(int width, int rank) const {
    const int u = qMax(8, height() / 40);
    const QFontMetrics badge(displayFont(u, true));
    const int widestBadge = qMax(badge.horizontalAdvance(label(Presence::Onsite)),
                                 badge.horizontalAdvance(label(Presence::Online)));
    return width - (rank > 0 ? 2 * u : 0) - (widestBadge + u * 3 / 2) - u;
}

// `rank` 0 is the speaker, larger; waiting speakers are numbered in calling order. The kind of
// entry ("Clarifying question") goes on a small line under the name, never into it.
void AudienceDisplay::paintSpeakerRow(QPainter& p, const QRect& row, const AudienceSpeaker& s,
                                      int rank, const QFont& nameFont) {
    const int u = qMax(8, height() / 40);
    const QFont badgeFont = displayFont(u, true);
    const QString badge = label(s.channel);
    const int badgeWidth = QFontMetrics(badgeFont).horizontalAdvance(badge) + u * 3 / 2;
    const int numberWidth = rank > 0 ? 2 * u : 0;
    if (rank > 0)
        drawLine(p, visual(QRect(row.left(), row.top(), numberWidth, row.height())),
                 QLocale().toString(rank), nameFont, muted);
    QRect nameBox(row.left() + numberWidth, row.top(), nameWidth(row.width(), rank), row.height());
    if (!s.kind.isEmpty()) {
        const QRect kindBox(nameBox.left(), nameBox.top() + nameBox.height() * 62 / 100,
                            nameBox.width(), nameBox.height() * 38 / 100);
        nameBox.setHeight(nameBox.height() * 66 / 100);
        drawLine(p, visual(kindBox), s.kind, displayFont(kindBox.height() * 7 / 10, false), muted);
    }
    drawName(p, visual(nameBox), s.name, nameFont);
    const QRect badgeBox(row.right() - badgeWidth, row.center().y() - u * 3 / 4, badgeWidth,
                         u * 3 / 2);
    p.setPen(Qt::NoPen);
    p.setBrush(channelColour(s.channel));
    p.drawRoundedRect(visual(badgeBox), u * 3 / 4, u * 3 / 4);
    drawLine(p, visual(badgeBox), badge, badgeFont, ink, Qt::AlignHCenter);
}

void AudienceDisplay::setVotingAddress(const QString& url) {
    if (url == m_votingAddress)
        return;
    m_votingAddress = url;
    m_votingCode = url.isEmpty() ? QImage() : qrCodeImage(url);
    update();
}

QString AudienceDisplay::pollHeading(bool open, const QString& votingAddress) {
    if (!open)
        return tr("Poll results");
    if (votingAddress.isEmpty())
        return tr("Poll · voting is open");
    return tr("Poll · vote on your phone at %1").arg(votingAddress);
}

void AudienceDisplay::paintPoll(QPainter& p, QRect box) {
    const int u = qMax(8, height() / 40);
    const bool showsCode = m_view.pollOpen && !m_votingCode.isNull();
    // The code beside the heading and the question, as tall as both: big enough for a phone a
    // few rows back, and the bars keep their room below.
    const int codeSide = showsCode ? 7 * u : 0;
    const int textWidth = box.width() - (showsCode ? codeSide + u : 0);
    QRect row(box.left(), box.top(), textWidth, 2 * u);
    drawLine(p, visual(row), pollHeading(m_view.pollOpen, m_votingAddress),
             displayFont(u * 13 / 10, false), muted); // shrunk to fit, never cut: an address
    const QRect question(box.left(), row.bottom(), textWidth, 5 * u);
    p.setPen(ink);
    drawWrapped(p, visual(question), m_view.question, displayFont(2 * u, true));
    if (showsCode) {
        // Whole pixels a module, as a camera reads best; the quiet zone takes what is left.
        const int scale = qMax(1, codeSide / m_votingCode.width());
        const int side = scale * m_votingCode.width();
        const QRect code(box.right() - codeSide, box.top(), codeSide, codeSide);
        p.fillRect(visual(code), Qt::white);
        p.drawImage(visual(QRect(code.left() + (codeSide - side) / 2,
                                 code.top() + (codeSide - side) / 2, side, side)),
                    m_votingCode);
    }
    const QRect footer(box.left(), box.bottom() - 2 * u, box.width(), 2 * u);
    const int top = question.bottom() + u;
    const int rows = qMax<int>(1, m_view.options.size());
    const int rowHeight = qMin(5 * u, (footer.top() - u - top) / rows);
    QStringList options;
    for (const AudiencePollRow& option : m_view.options)
        options.append(option.option);
    const QFont optionFont = fittingAll(displayFont(rowHeight * 45 / 100 * 7 / 10, false), options,
                                        box.width() - shareWidth(rowHeight));
    for (int i = 0; i < m_view.options.size(); ++i)
        paintBar(p, QRect(box.left(), top + i * rowHeight, box.width(), rowHeight),
                 m_view.options[i], optionFont);
    drawLine(p, visual(footer), totalsText(m_view), displayFont(u * 13 / 10, false), muted);
}

QString AudienceDisplay::totalsText(const AudienceView& view) {
    const Tally& by = view.votesBySource;
    return votes(view.totalVotes, view.multipleChoice) +
           tr(" · %1 %2 · %3 %4 · %5 %6")
               .arg(label(TallySource::Onsite), QLocale().toString(by[0]),
                    label(TallySource::Online), QLocale().toString(by[1]), label(TallySource::Web),
                    QLocale().toString(by[2]));
}

QString AudienceDisplay::shareText(const AudiencePollRow& option) {
    return tr("%1 % (%2)")
        .arg(QLocale().toString(option.shownPercent), QLocale().toString(option.votes));
}

// Room for the widest share ("52 % (64)") beside the options, the same on every row.
int AudienceDisplay::shareWidth(int rowHeight) const {
    const int labelHeight = rowHeight * 45 / 100;
    const QFontMetrics metrics(displayFont(labelHeight * 7 / 10, false));
    int widest = 0;
    for (const AudiencePollRow& option : m_view.options)
        widest = qMax(widest, metrics.horizontalAdvance(shareText(option)));
    return widest + labelHeight;
}

// One option: its text and share on a line, the bar below, proportional to its share. The
// options share one font, fitted to the longest.
void AudienceDisplay::paintBar(QPainter& p, const QRect& row, const AudiencePollRow& option,
                               const QFont& optionFont) {
    const int labelHeight = row.height() * 45 / 100;
    const int barHeight = row.height() * 35 / 100;
    const QFont font = displayFont(labelHeight * 7 / 10, false);
    const QString share = shareText(option);
    const int shareBox = shareWidth(row.height());
    const QRect text(row.left(), row.top(), row.width() - shareBox, labelHeight);
    drawLine(p, visual(text), option.option, optionFont, ink, Qt::AlignLeft, true);
    drawLine(p, visual(QRect(row.right() - shareBox, row.top(), shareBox, labelHeight)), share,
             font, ink, Qt::AlignRight);
    const QRect track(row.left(), row.top() + labelHeight, row.width(), barHeight);
    p.setPen(Qt::NoPen);
    p.setBrush(barTrack);
    p.drawRoundedRect(visual(track), barHeight / 3, barHeight / 3);
    const int filled = int(track.width() * qBound(0.0, option.percent, 100.0) / 100.0);
    if (filled > 0) {
        p.setBrush(barFill);
        p.drawRoundedRect(visual(QRect(track.left(), track.top(), filled, barHeight)),
                          barHeight / 3, barHeight / 3);
    }
}

void AudienceDisplay::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

void AudienceDisplay::mouseDoubleClickEvent(QMouseEvent*) {
    isFullScreen() ? showNormal() : showFullScreen();
}

void AudienceDisplay::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        setWindowTitle(tr("Audience display"));
        m_view = {};
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace podium
