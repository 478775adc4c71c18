#pragma once

#include <QtGlobal>

namespace podium {

// Time comes from here, never from the system directly, so tests run without waiting and a
// peer can show the host's time.
class Clock {
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0; // ms since the Unix epoch
};

class SystemClock final : public Clock {
public:
    qint64 nowMs() const override;
};

class FakeClock final : public Clock {
public:
    explicit FakeClock(qint64 start = 1'800'000'000'000)
        : m_now(start) {}
    qint64 nowMs() const override { return m_now; }
    void set(qint64 now) { m_now = now; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now;
};

// The host's clock as seen from a peer: the local clock plus an estimated offset.
class OffsetClock final : public Clock {
public:
    explicit OffsetClock(const Clock& base)
        : m_base(base) {}
    qint64 nowMs() const override { return m_base.nowMs() + m_offsetMs; }
    void setOffset(qint64 ms) { m_offsetMs = ms; }
    qint64 offset() const { return m_offsetMs; }

private:
    const Clock& m_base;
    qint64 m_offsetMs = 0;
};

} // namespace podium
