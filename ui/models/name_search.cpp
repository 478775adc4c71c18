#include "name_search.h"

namespace podium {
namespace {

// Letters that are not a base letter and an accent, so no decomposition takes their mark off; and
// the typographic apostrophes of "O’Brien", typed as "o'brien".
QChar plainLetter(QChar c) {
    switch (c.unicode()) {
    case u'\u2019':
    case u'\u02BC':
        return u'\'';
    case u'ø':
        return u'o';
    case u'ł':
        return u'l';
    case u'đ':
        return u'd';
    case u'ı':
        return u'i';
    default:
        return c;
    }
}

// Scripts whose marks are accents (or, in Arabic and Hebrew, vowel points written or not). In
// Devanagari, Thai and the like they are vowels: "सनील" is not "सुनील".
bool marksAreAccents(QChar::Script script) {
    switch (script) {
    case QChar::Script_Latin:
    case QChar::Script_Greek:
    case QChar::Script_Cyrillic:
    case QChar::Script_Arabic:
    case QChar::Script_Hebrew:
        return true;
    default:
        return false;
    }
}

} // namespace

QString searchKey(const QString& text) {
    const QString decomposed = text.toCaseFolded().normalized(QString::NormalizationForm_KD);
    QString key;
    key.reserve(decomposed.size());
    QChar::Script base = QChar::Script_Common;
    for (QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            base = c.script();
        else if (marksAreAccents(base))
            continue;
        key.append(plainLetter(c));
    }
    return key;
}

QCollator nameCollator() {
    QCollator collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale());
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    return collator;
}

void NameSearchProxy::setSearchText(const QString& text) {
    m_key = searchKey(text.simplified());
    invalidateRowsFilter();
}

bool NameSearchProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_key.isEmpty())
        return true;
    const QAbstractItemModel* source = sourceModel();
    for (int column = 0; column < source->columnCount(sourceParent); ++column) {
        const QString shown = source->index(sourceRow, column, sourceParent).data().toString();
        if (searchKey(shown.simplified()).contains(m_key))
            return true;
    }
    return false;
}

bool NameSearchProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    return m_collator.compare(left.data().toString(), right.data().toString()) < 0;
}

NameSearchCompleter::NameSearchCompleter(QAbstractItemModel* model, int keyRole, int textRole,
                                         QObject* parent)
    : QCompleter(model, parent)
    , m_textRole(textRole) {
    setCompletionRole(keyRole);
    setFilterMode(Qt::MatchContains);
}

QStringList NameSearchCompleter::splitPath(const QString& path) const {
    return {searchKey(path.simplified())};
}

QString NameSearchCompleter::pathFromIndex(const QModelIndex& index) const {
    return index.data(m_textRole).toString();
}

} // namespace podium
