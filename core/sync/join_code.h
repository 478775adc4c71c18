#pragma once

#include "model/types.h"

#include <QByteArray>
#include <QSslConfiguration>
#include <QString>
#include <optional>

// Join codes and the TLS pre-shared keys derived from them (docs/PROTOCOL.md, "Security").
// A code is 12 symbols of Crockford base32 (60 random bits), shown as XXXX-XXXX-XXXX. It never
// crosses the wire: both ends derive a 32-byte key with PBKDF2-HMAC-SHA256 over a per-session
// salt, and TLS 1.2 ECDHE-PSK proves that both hold it.
namespace podium::sync {

constexpr int codeSymbols = 12;
constexpr int kdfIterations = 100'000;

// A fresh random code, grouped for reading aloud.
QString generateJoinCode();
// Upper-cases, drops separators and maps look-alikes (O→0, I/L→1); nullopt if not a code.
std::optional<QString> normalizeJoinCode(const QString& typed);
// The same, shown as XXXX-XXXX-XXXX.
std::optional<QString> groupedJoinCode(const QString& typed);

QByteArray generateSalt(); // 16 random bytes, one per hosted session
// The pre-shared key for a code (normalized inside); cached per (code, salt).
QByteArray deriveKey(const QString& code, const QByteArray& salt);
// What the client names as its PSK identity: a tag of the key, so the host can tell which of
// its codes (and so which role) was used without the code or key being sent.
QByteArray identityFor(const QByteArray& key);

// The identity hint the host sends: carries the salt, so a joiner needs nothing but the code.
QByteArray identityHint(const QByteArray& salt);
std::optional<QByteArray> saltFromHint(const QByteArray& hint);

// A hosted session's two codes and its salt. Kept in the session file while it is hosted, so
// that a host restarted after a crash hosts again with the same codes and the seats, which keep
// trying, come back by themselves; forgotten when the moderator stops hosting.
struct JoinCodes {
    QString control;
    QString readOnly;
    QByteArray salt;

    static JoinCodes generate();
    bool isValid() const;
    QString toText() const; // "CONTROL READ-ONLY SALT(hex)"
    static std::optional<JoinCodes> fromText(const QString& text);
};

// TLS 1.2, ephemeral ECDH with a pre-shared key (forward secrecy), no certificates.
QSslConfiguration pskConfiguration();

} // namespace podium::sync
