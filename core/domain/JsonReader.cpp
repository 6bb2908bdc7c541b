#include "domain/JsonReader.h"

#include <QRegularExpression>

#include <cmath>
#include <limits>

namespace centrale {

namespace {

// A whole number that a qint64 holds exactly, whether JSON stored it as an integer or a double.
std::optional<qint64> wholeNumber(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    // toInteger() returns its default for a fraction, NaN, an infinity or a number out of range:
    // two different defaults tell those apart from a real value.
    const qint64 a = v.toInteger(0);
    const qint64 b = v.toInteger(1);
    if (a != b)
        return std::nullopt;
    return a;
}

} // namespace

JsonReader::JsonReader(const QJsonObject &json, QString path) : m_json(json), m_path(std::move(path))
{
}

QString JsonReader::path(const QString &field) const
{
    return m_path.isEmpty() ? field : m_path + QLatin1Char('.') + field;
}

QString JsonReader::indexPath(const char *field, qsizetype index) const
{
    return path(field) + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

bool JsonReader::has(const char *field) const
{
    return m_json.contains(QLatin1String(field));
}

bool JsonReader::fail(Error error)
{
    if (!m_error)
        m_error = std::move(error);
    return false;
}

QString JsonReader::excerpt(const QString &value)
{
    constexpr qsizetype max = 40;
    if (value.size() <= max)
        return value;
    // Not between the two halves of a surrogate pair.
    const qsizetype cut = value.at(max - 1).isHighSurrogate() ? max - 1 : max;
    return value.left(cut) + QChar(0x2026);
}

Error JsonReader::mustBeText(const QString &path)
{
    return Error::invalid(tr("The field %1 must be text.").arg(path), path);
}

Error JsonReader::mustBeObject(const QString &path)
{
    return Error::invalid(tr("The field %1 must be an object.").arg(path), path);
}

Error JsonReader::unknownValue(const QString &path, const QString &value)
{
    return Error::invalid(tr("The field %1 has an unknown value: %2.").arg(path, excerpt(value)), path);
}

bool JsonReader::readRecord(Record &record)
{
    if (!readString("id", record.id, true))
        return false;
    if (record.id.isEmpty())
        return fail(Error::invalid(tr("The field %1 cannot be empty.").arg(path("id")), path("id")));
    qint64 version = record.version;
    if (!readInt64("version", version))
        return false;
    if (version < 0)
        return fail(Error::invalid(tr("The field %1 cannot be negative.").arg(path("version")), path("version")));
    record.version = version;
    return true;
}

bool JsonReader::readString(const char *field, QString &out, bool required)
{
    if (m_error)
        return false;
    const auto it = m_json.constFind(QLatin1String(field));
    if (it == m_json.constEnd()) {
        if (required)
            return fail(Error::invalid(tr("The field %1 is required.").arg(path(field)), path(field)));
        return true;
    }
    if (!it->isString())
        return fail(mustBeText(path(field)));
    out = it->toString();
    return true;
}

bool JsonReader::readInt64(const char *field, qint64 &out, bool required)
{
    if (m_error)
        return false;
    const auto it = m_json.constFind(QLatin1String(field));
    if (it == m_json.constEnd()) {
        if (required)
            return fail(Error::invalid(tr("The field %1 is required.").arg(path(field)), path(field)));
        return true;
    }
    const std::optional<qint64> n = wholeNumber(*it);
    if (!n)
        return fail(Error::invalid(tr("The field %1 must be a whole number.").arg(path(field)), path(field)));
    out = *n;
    return true;
}

bool JsonReader::readInt(const char *field, int &out, bool required)
{
    qint64 n = out;
    if (!readInt64(field, n, required))
        return false;
    if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
        return fail(Error::invalid(tr("The field %1 is out of range.").arg(path(field)), path(field)));
    out = static_cast<int>(n);
    return true;
}

bool JsonReader::readDouble(const char *field, double &out)
{
    if (m_error)
        return false;
    const auto it = m_json.constFind(QLatin1String(field));
    if (it == m_json.constEnd())
        return true;
    if (!it->isDouble() || !std::isfinite(it->toDouble()))
        return fail(Error::invalid(tr("The field %1 must be a number.").arg(path(field)), path(field)));
    out = it->toDouble();
    return true;
}

bool JsonReader::readBool(const char *field, bool &out)
{
    if (m_error)
        return false;
    const auto it = m_json.constFind(QLatin1String(field));
    if (it == m_json.constEnd())
        return true;
    if (!it->isBool())
        return fail(Error::invalid(tr("The field %1 must be true or false.").arg(path(field)), path(field)));
    out = it->toBool();
    return true;
}

bool JsonReader::objectField(const char *field, QJsonObject &out)
{
    if (m_error)
        return false;
    const auto it = m_json.constFind(QLatin1String(field));
    if (it == m_json.constEnd())
        return true;
    if (!it->isObject())
        return fail(mustBeObject(path(field)));
    out = it->toObject();
    return true;
}

bool JsonReader::arrayField(const char *field, QJsonArray &out)
{
    if (m_error)
        return false;
    const auto it = m_json.constFind(QLatin1String(field));
    if (it == m_json.constEnd())
        return true;
    if (!it->isArray())
        return fail(Error::invalid(tr("The field %1 must be a list.").arg(path(field)), path(field)));
    out = it->toArray();
    return true;
}

bool JsonReader::readStringsOf(const char *field, QStringList &out)
{
    QJsonArray array;
    if (!arrayField(field, array))
        return false;
    QStringList items;
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue v = array.at(i);
        if (!v.isString())
            return fail(mustBeText(indexPath(field, i)));
        items << v.toString();
    }
    out = std::move(items);
    return true;
}

bool JsonReader::readStringList(const char *field, QStringList &out)
{
    if (m_error)
        return false;
    if (!has(field))
        return true;
    return readStringsOf(field, out);
}

bool JsonReader::readBase64(const char *field, QByteArray &out)
{
    QString text;
    if (!has(field) || !readString(field, text))
        return ok();
    // Base64 is ASCII: anything else (which toLatin1() would turn into '?') is refused.
    bool ascii = true;
    for (QChar c : std::as_const(text))
        ascii = ascii && c.unicode() < 0x80;
    auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!ascii || !decoded)
        return fail(Error::invalid(tr("The field %1 must be data in base64.").arg(path(field)), path(field)));
    out = std::move(*decoded);
    return true;
}

namespace {

// Qt::ISODate as it writes a local QDateTime: no fraction, no offset.
bool parseLocalDateTime(const QString &text, QDateTime &out)
{
    if (text.isEmpty()) {
        out = QDateTime();
        return true;
    }
    static const QRegularExpression form(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$"));
    if (!form.match(text).hasMatch())
        return false;
    const QDateTime dt = QDateTime::fromString(text, Qt::ISODate);
    if (!dt.isValid())
        return false;
    out = dt;
    return true;
}

} // namespace

bool JsonReader::readDateTime(const char *field, QDateTime &out)
{
    QString text;
    if (!has(field) || !readString(field, text))
        return ok();
    if (!parseLocalDateTime(text, out))
        return fail(Error::invalid(tr("The field %1 must be a date and time such as 2027-01-01T08:30:00.").arg(path(field)), path(field)));
    return true;
}

bool JsonReader::readDateTimeList(const char *field, QList<QDateTime> &out)
{
    if (m_error)
        return false;
    if (!has(field))
        return true;
    QStringList texts;
    if (!readStringsOf(field, texts))
        return false;
    QList<QDateTime> items;
    items.reserve(texts.size());
    for (qsizetype i = 0; i < texts.size(); ++i) {
        QDateTime dt;
        if (texts.at(i).isEmpty() || !parseLocalDateTime(texts.at(i), dt)) {
            const QString p = indexPath(field, i);
            return fail(Error::invalid(tr("The field %1 must be a date and time such as 2027-01-01T08:30:00.").arg(p), p));
        }
        items << dt;
    }
    out = std::move(items);
    return true;
}

} // namespace centrale
