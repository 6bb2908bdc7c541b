#include "phones/PhoneDetail.h"

#include "phones/KeyDialog.h"
#include "phones/PhoneKeysModel.h"
#include "store/Store.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace centrale {

PhoneDetail::PhoneDetail(Store &store, QWidget *parent)
    : QWidget(parent), m_store(store), m_model(new PhoneKeysModel(PhoneKeysModel::Mode::Phone, this)), m_title(new QLabel(this)),
      m_hint(new QLabel(this)), m_view(new QTableView(this)), m_edit(new QPushButton(this)), m_inherit(new QPushButton(this))
{
    setObjectName(QStringLiteral("phoneDetail"));
    m_title->setObjectName(QStringLiteral("phoneTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_hint->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("phoneKeys"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_edit->setObjectName(QStringLiteral("editKey"));
    m_inherit->setObjectName(QStringLiteral("inheritKey"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_edit);
    buttons->addWidget(m_inherit);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_edit, &QPushButton::clicked, this, &PhoneDetail::editSelectedKey);
    connect(m_inherit, &QPushButton::clicked, this, &PhoneDetail::inheritSelectedKey);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &PhoneDetail::editSelectedKey);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PhoneDetail::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PhoneDetail::updateButtons);
    retranslate();
}

void PhoneDetail::setPhone(const QString &phoneId)
{
    m_phone = SipPhone();
    if (!phoneId.isEmpty()) {
        auto phone = m_store.phones.get(phoneId);
        if (phone)
            m_phone = *phone;
    }
    reload();
}

void PhoneDetail::reload()
{
    const int selected = selectedKeyIndex();
    if (!m_phone.id.isEmpty()) {
        auto phone = m_store.phones.get(m_phone.id);
        m_phone = phone ? *phone : SipPhone();
    }
    if (m_phone.id.isEmpty()) {
        m_model->clear();
        retranslate();
        return;
    }
    auto keys = m_store.phones.effectiveKeys(m_phone);
    if (!keys) {
        m_model->clear();
        showError(keys.error().message);
        return;
    }
    QHash<QString, QString> names;
    auto colleagues = m_store.users.listByIds(PhoneKeysModel::colleagueIds(*keys));
    if (colleagues) {
        for (const User &u : *colleagues)
            names.insert(u.id, u.displayName());
    }
    m_model->setKeys(*keys, names);
    m_view->resizeColumnsToContents();
    if (!selectKey(selected) && m_model->rowCount() > 0)
        selectKey(m_model->keyAt(0).key.index);
    retranslate();
}

int PhoneDetail::selectedKeyIndex() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->keyAt(current.row()).key.index : 0;
}

bool PhoneDetail::selectKey(int keyIndex)
{
    const int row = m_model->rowOfIndex(keyIndex);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_model->index(row, 0));
    m_view->selectRow(row);
    return true;
}

KeyDialog *PhoneDetail::editKey(int keyIndex)
{
    const int row = m_model->rowOfIndex(keyIndex);
    if (m_phone.id.isEmpty() || row < 0)
        return nullptr;
    const EffectiveKey current = m_model->keyAt(row);
    auto *dialog = new KeyDialog(m_store, keyIndex, SipPhone::keyCount(m_phone.model), true, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QString colleague;
    if (current.key.type == PhoneKey::Type::Extension) {
        if (auto u = m_store.users.get(current.key.userId); u)
            colleague = u->displayName();
    }
    dialog->setKey(current.key, colleague);
    if (current.inherited() || current.source == EffectiveKey::Source::None)
        dialog->setChoice(current.inherited() ? KeyDialog::Choice::Inherit : KeyDialog::Choice::Empty);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { saveKey(dialog->key(), dialog->inherit()); });
    dialog->open();
    return dialog;
}

KeyDialog *PhoneDetail::editSelectedKey()
{
    return editKey(selectedKeyIndex());
}

bool PhoneDetail::saveKey(const PhoneKey &key, bool inherit)
{
    if (m_phone.id.isEmpty())
        return false;
    const Status s
        = m_store.phones.applyKey({m_phone.id}, key, inherit ? PhoneRepository::KeyChange::Inherit : PhoneRepository::KeyChange::Set);
    if (!s) {
        showError(s.error().message);
        return false;
    }
    const QString id = m_phone.id;
    reload();
    selectKey(key.index);
    Q_EMIT phoneChanged(id);
    return true;
}

bool PhoneDetail::inheritSelectedKey()
{
    const int index = selectedKeyIndex();
    if (index <= 0 || !m_phone.ownKey(index))
        return false;
    PhoneKey key;
    key.index = index;
    return saveKey(key, true);
}

void PhoneDetail::updateButtons()
{
    const int index = selectedKeyIndex();
    m_edit->setEnabled(index > 0);
    m_inherit->setEnabled(index > 0 && m_phone.ownKey(index) != nullptr);
}

void PhoneDetail::showError(const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("SIP phones"), text, QMessageBox::Ok, window());
    box->setObjectName(QStringLiteral("phonesMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void PhoneDetail::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        reload();
    }
    QWidget::changeEvent(event);
}

void PhoneDetail::retranslate()
{
    if (m_phone.id.isEmpty()) {
        m_title->setText(tr("No phone selected"));
    } else {
        //: %1 model, %2 MAC address, %3 the user's name
        m_title->setText(m_phone.ownerName.isEmpty()
                ? tr("%1 — %2").arg(m_phone.model, SipPhone::formatMac(m_phone.mac))
                : tr("%1 — %2 — %3").arg(m_phone.model, SipPhone::formatMac(m_phone.mac), m_phone.ownerName));
    }
    m_hint->setText(tr("Keys in grey italics come from the key template of the user's group. Program a key to replace it on this phone "
                       "only; \"Inherit\" brings the template's key back."));
    m_edit->setText(tr("Program key…"));
    m_edit->setToolTip(tr("Choose what the selected key does"));
    m_inherit->setText(tr("Inherit"));
    m_inherit->setToolTip(tr("Remove this phone's own key: the key template's key applies again"));
    m_view->setAccessibleName(tr("Keys"));
    updateButtons();
}

} // namespace centrale
