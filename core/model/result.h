#pragma once

#include <QString>
#include <optional>
#include <utility>

namespace podium {

// An expected failure carries a sentence a moderator can read; no exceptions cross Qt's loop.
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_value(std::move(value)) {}
    static Result failure(QString error) { return Result(std::move(error), 0); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    const T& operator*() const { return *m_value; }
    const QString& error() const { return m_error; }

private:
    Result(QString error, int)
        : m_error(std::move(error)) {}
    std::optional<T> m_value;
    QString m_error;
};

} // namespace podium
