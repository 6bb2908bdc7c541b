#pragma once

#include "common/Result.h"
#include "domain/Record.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <initializer_list>
#include <optional>

namespace centrale {

// Reads the fields of one JSON object strictly into C++ values: a field of the wrong JSON type is
// refused with a translated message and the field's path (e.g. keys[3].number). The first problem
// is kept and every later read does nothing, so a record's reader is a list of reads followed by
// result(). An absent field leaves its target unchanged (the C++ default), unless it is required.
// Messages never quote a value, except the start of an unknown enum value.
class JsonReader final {
    Q_DECLARE_TR_FUNCTIONS(JsonReader)
public:
    explicit JsonReader(const QJsonObject &json, QString path = {});

    // "id" (required, not empty) and "version" (optional, an integer 0 or more).
    bool readRecord(Record &record);
    bool readString(const char *field, QString &out, bool required = false);
    bool readInt(const char *field, int &out, bool required = false);
    bool readInt64(const char *field, qint64 &out, bool required = false);
    bool readDouble(const char *field, double &out);
    bool readBool(const char *field, bool &out);
    bool readStringList(const char *field, QStringList &out);
    // Standard base64 with padding, as QByteArray::toBase64() writes it.
    bool readBase64(const char *field, QByteArray &out);
    // Local wall-clock time as Qt::ISODate writes it (yyyy-MM-ddTHH:mm:ss); "" is no date.
    bool readDateTime(const char *field, QDateTime &out);
    bool readDateTimeList(const char *field, QList<QDateTime> &out);

    // One of the values, by its stable name.
    template <typename E, typename NameOf>
    bool readEnum(const char *field, E &out, std::initializer_list<E> values, NameOf nameOf, bool required = false)
    {
        if (m_error)
            return false;
        if (!has(field) && !required)
            return true;
        QString name;
        if (!readString(field, name, required))
            return false;
        for (E value : values) {
            if (nameOf(value) == name) {
                out = value;
                return true;
            }
        }
        return fail(unknownValue(path(field), name));
    }

    // A nested object, read by read(const QJsonObject &, const QString &path) -> Result<T>.
    template <typename T, typename ReadFn> bool readObject(const char *field, T &out, ReadFn read)
    {
        QJsonObject object;
        if (!objectField(field, object))
            return false;
        if (!has(field))
            return true;
        return take(read(object, path(field)), out);
    }

    // A list of objects, each read by read(const QJsonObject &, const QString &path) -> Result<T>
    // with the path field[i].
    template <typename T, typename ReadFn> bool readObjectList(const char *field, QList<T> &out, ReadFn read)
    {
        QJsonArray array;
        if (!arrayField(field, array))
            return false;
        if (!has(field))
            return true;
        QList<T> items;
        items.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemPath = indexPath(field, i);
            const QJsonValue v = array.at(i);
            if (!v.isObject())
                return fail(mustBeObject(itemPath));
            T item;
            if (!take(read(v.toObject(), itemPath), item))
                return false;
            items << std::move(item);
        }
        out = std::move(items);
        return true;
    }

    bool has(const char *field) const;
    bool ok() const { return !m_error; }
    const Error &error() const { return *m_error; }
    Status status() const { return m_error ? Status(*m_error) : Status(); }
    template <typename T> Result<T> result(T value) const
    {
        if (m_error)
            return *m_error;
        return value;
    }

    // "settings.callerId" for the field callerId of a reader at "settings".
    QString path(const QString &field) const;
    QString path(const char *field) const { return path(QString::fromLatin1(field)); }
    // Records a problem found by the caller; false.
    bool fail(Error error);

    // The shared messages, for readers that check more than the type.
    static Error mustBeText(const QString &path);
    static Error mustBeObject(const QString &path);
    static Error unknownValue(const QString &path, const QString &value);
    // The start of a value, short enough to quote in a message.
    static QString excerpt(const QString &value);

private:
    bool objectField(const char *field, QJsonObject &out);
    bool arrayField(const char *field, QJsonArray &out);
    bool readStringsOf(const char *field, QStringList &out);
    QString indexPath(const char *field, qsizetype index) const;
    template <typename T> bool take(const Result<T> &result, T &out)
    {
        if (!result)
            return fail(result.error());
        out = result.value();
        return true;
    }

    QJsonObject m_json;
    QString m_path;
    std::optional<Error> m_error;
};

} // namespace centrale
