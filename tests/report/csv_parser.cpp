#include "csv_parser.h"

using namespace Qt::StringLiterals;

namespace podium::test {
namespace {

struct Reader {
    QString text;
    qsizetype i = 0;

    bool atEnd() const { return i >= text.size(); }
    QChar peek(qsizetype ahead = 0) const {
        return i + ahead < text.size() ? text[i + ahead] : QChar();
    }
};

// Reads one quoted field starting at the opening quote.
QString quoted(Reader& r, QString* error) {
    QString field;
    ++r.i;
    while (!r.atEnd()) {
        const QChar c = r.peek();
        if (c == u'"' && r.peek(1) == u'"') {
            field += u'"';
            r.i += 2;
        } else if (c == u'"') {
            ++r.i;
            return field;
        } else {
            field += c;
            ++r.i;
        }
    }
    *error = u"unterminated quoted field"_s;
    return field;
}

QString unquoted(Reader& r, QString* error) {
    QString field;
    while (!r.atEnd() && r.peek() != u',' && r.peek() != u'\r') {
        if (r.peek() == u'"' || r.peek() == u'\n') {
            *error = u"quote or bare line feed in an unquoted field at %1"_s.arg(r.i);
            return field;
        }
        field += r.peek();
        ++r.i;
    }
    return field;
}

} // namespace

CsvParse parseCsv(const QByteArray& utf8) {
    CsvParse out;
    Reader r{QString::fromUtf8(utf8.startsWith("\xEF\xBB\xBF") ? utf8.mid(3) : utf8)};
    QStringList record;
    while (!r.atEnd() && out.error.isEmpty()) {
        record << (r.peek() == u'"' ? quoted(r, &out.error) : unquoted(r, &out.error));
        if (!out.error.isEmpty())
            break;
        if (r.peek() == u',') {
            ++r.i;
            continue;
        }
        if (r.peek() == u'\r' && r.peek(1) == u'\n') {
            r.i += 2;
            out.records << record;
            record.clear();
            continue;
        }
        out.error = r.atEnd() ? u"last record lacks its CRLF"_s
                              : u"unexpected character after a field at %1"_s.arg(r.i);
    }
    return out;
}

} // namespace podium::test
