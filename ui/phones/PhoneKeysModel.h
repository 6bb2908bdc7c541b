#pragma once

#include "domain/KeyTemplate.h"

#include <QAbstractTableModel>
#include <QHash>

namespace centrale {

// The programmable keys of a phone (every key of its model, with where each one comes from) or of
// a key template (its programmed keys). Inherited keys are shown in italics and grey.
class PhoneKeysModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhoneKeysModel)
public:
    // Where a key comes from comes before what it calls: on a narrow window it stays in view.
    enum Column { Index, Type, Label, Source, Value, ColumnCount };
    enum Roles { RawValueRole = Qt::UserRole + 1 };
    enum class Mode { Phone, Template };

    explicit PhoneKeysModel(Mode mode, QObject *parent = nullptr);

    // colleagues: the display name of each user an extension key calls, by id.
    void setKeys(const QList<EffectiveKey> &keys, const QHash<QString, QString> &colleagues);
    void clear();
    const QList<EffectiveKey> &keys() const { return m_keys; }
    EffectiveKey keyAt(int row) const { return m_keys.value(row); }
    int rowOfIndex(int keyIndex) const;
    Mode mode() const { return m_mode; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // What the phone's screen shows next to the key.
    static QString phoneLabel(const PhoneKey &key, const QString &colleagueName);
    // Where the key comes from, in words.
    static QString sourceText(const EffectiveKey &key);

    // The users an extension key of these keys calls.
    static QStringList colleagueIds(const QList<EffectiveKey> &keys);

private:
    QString valueText(const PhoneKey &key) const;

    Mode m_mode;
    QList<EffectiveKey> m_keys;
    QHash<QString, QString> m_colleagues;
};

} // namespace centrale
