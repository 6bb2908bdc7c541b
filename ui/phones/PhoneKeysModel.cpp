#include "phones/PhoneKeysModel.h"

#include "domain/PhoneNumbers.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace centrale {

PhoneKeysModel::PhoneKeysModel(Mode mode, QObject *parent) : QAbstractTableModel(parent), m_mode(mode)
{
}

void PhoneKeysModel::setKeys(const QList<EffectiveKey> &keys, const QHash<QString, QString> &colleagues)
{
    beginResetModel();
    m_keys = keys;
    m_colleagues = colleagues;
    endResetModel();
}

void PhoneKeysModel::clear()
{
    setKeys({}, {});
}

int PhoneKeysModel::rowOfIndex(int keyIndex) const
{
    for (int r = 0; r < m_keys.size(); ++r) {
        if (m_keys.at(r).key.index == keyIndex)
            return r;
    }
    return -1;
}

QStringList PhoneKeysModel::colleagueIds(const QList<EffectiveKey> &keys)
{
    QStringList ids;
    for (const EffectiveKey &k : keys) {
        if (k.key.type == PhoneKey::Type::Extension && !ids.contains(k.key.userId))
            ids << k.key.userId;
    }
    return ids;
}

int PhoneKeysModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int PhoneKeysModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PhoneKeysModel::phoneLabel(const PhoneKey &key, const QString &colleagueName)
{
    switch (key.type) {
    case PhoneKey::Type::Empty:
        return {};
    case PhoneKey::Type::Extension:
        return key.displayName.isEmpty() ? colleagueName : key.displayName;
    case PhoneKey::Type::External:
        return key.displayName;
    }
    return {};
}

QString PhoneKeysModel::sourceText(const EffectiveKey &key)
{
    switch (key.source) {
    case EffectiveKey::Source::None:
        return tr("Not programmed");
    case EffectiveKey::Source::Phone:
        //: %1 the name of the key template whose key this phone's own key replaces
        return key.overridesTemplate ? tr("This phone (replaces template %1)").arg(key.templateName) : tr("This phone");
    case EffectiveKey::Source::Template:
        //: %1 e.g. "Sales keys (group Sales)"
        return tr("Inherited from template %1").arg(key.inheritedFrom());
    }
    return {};
}

QString PhoneKeysModel::valueText(const PhoneKey &key) const
{
    switch (key.type) {
    case PhoneKey::Type::Empty:
        return {};
    case PhoneKey::Type::Extension:
        return m_colleagues.value(key.userId, tr("(user removed)"));
    case PhoneKey::Type::External:
        return PhoneNumbers::formatInternational(key.number);
    }
    return {};
}

QVariant PhoneKeysModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EffectiveKey &k = m_keys.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Index:
            return k.key.index;
        case Type:
            return SipPhone::keyTypeLabel(k.key.type);
        case Label:
            return phoneLabel(k.key, m_colleagues.value(k.key.userId));
        case Value:
            return valueText(k.key);
        case Source:
            return sourceText(k);
        default:
            return {};
        }
    case RawValueRole:
        switch (index.column()) {
        case Index:
            return k.key.index;
        case Type:
            return static_cast<int>(k.key.type);
        case Label:
            return phoneLabel(k.key, m_colleagues.value(k.key.userId));
        case Value:
            return k.key.type == PhoneKey::Type::External ? k.key.number : k.key.userId;
        case Source:
            return static_cast<int>(k.source);
        default:
            return {};
        }
    case Qt::FontRole:
        if (k.inherited()) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (k.inherited() || k.source == EffectiveKey::Source::None)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::ToolTipRole:
        if (m_mode == Mode::Phone)
            return sourceText(k);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Index)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant PhoneKeysModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    //: column of a phone's keys: the key's number
    case Index:
        return tr("Key");
    case Type:
        return tr("Type");
    //: column of a phone's keys: the text the phone shows next to the key
    case Label:
        return tr("Label on the phone");
    case Value:
        return tr("Calls");
    //: column of a phone's keys: where the key comes from
    case Source:
        return tr("Comes from");
    default:
        return {};
    }
}

} // namespace centrale
