#include "phones/KeyTemplatesDialog.h"

#include "phones/KeyDialog.h"
#include "phones/PhoneKeysModel.h"
#include "store/Store.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace centrale {

namespace {
constexpr int IdRole = Qt::UserRole + 1;
}

KeyTemplatesDialog::KeyTemplatesDialog(Store &store, QWidget *parent)
    : QDialog(parent), m_store(store), m_list(new QListWidget(this)), m_name(new QLineEdit(this)), m_new(new QPushButton(tr("&New"), this)),
      m_rename(new QPushButton(tr("&Rename"), this)), m_delete(new QPushButton(tr("&Delete…"), this)),
      m_keys(new PhoneKeysModel(PhoneKeysModel::Mode::Template, this)), m_keysView(new QTableView(this)),
      m_addKey(new QPushButton(tr("&Add key…"), this)), m_editKey(new QPushButton(tr("&Program key…"), this)),
      m_removeKey(new QPushButton(tr("Re&move key"), this)), m_groups(new QListWidget(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("keyTemplatesDialog"));
    setWindowTitle(tr("Key templates"));
    m_list->setObjectName(QStringLiteral("templateList"));
    m_list->setAccessibleName(tr("Key templates"));
    m_name->setObjectName(QStringLiteral("templateName"));
    m_name->setMaxLength(80);
    m_new->setObjectName(QStringLiteral("newTemplate"));
    m_rename->setObjectName(QStringLiteral("renameTemplate"));
    m_delete->setObjectName(QStringLiteral("deleteTemplate"));
    m_keysView->setObjectName(QStringLiteral("templateKeys"));
    m_keysView->setModel(m_keys);
    m_keysView->setColumnHidden(PhoneKeysModel::Source, true); // every key is the template's own
    m_keysView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_keysView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_keysView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_keysView->verticalHeader()->setVisible(false);
    m_keysView->verticalHeader()->setDefaultSectionSize(m_keysView->fontMetrics().height() + 8);
    m_keysView->setWordWrap(false);
    m_keysView->horizontalHeader()->setStretchLastSection(true);
    m_addKey->setObjectName(QStringLiteral("addTemplateKey"));
    m_editKey->setObjectName(QStringLiteral("editTemplateKey"));
    m_removeKey->setObjectName(QStringLiteral("removeTemplateKey"));
    m_groups->setObjectName(QStringLiteral("templateGroups"));
    m_groups->setAccessibleName(tr("Groups the template is attached to"));
    m_error->setObjectName(QStringLiteral("templateError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(m_new);
    leftLayout->addWidget(m_delete);

    auto *right = new QWidget(this);
    auto *nameRow = new QHBoxLayout;
    auto *nameLabel = new QLabel(tr("&Name:"), right);
    nameLabel->setBuddy(m_name);
    nameRow->addWidget(nameLabel);
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_rename);
    auto *keysBox = new QGroupBox(tr("Keys"), right);
    auto *keyButtons = new QHBoxLayout;
    keyButtons->addWidget(m_addKey);
    keyButtons->addWidget(m_editKey);
    keyButtons->addWidget(m_removeKey);
    keyButtons->addStretch(1);
    auto *keysLayout = new QVBoxLayout(keysBox);
    keysLayout->addWidget(m_keysView, 1);
    keysLayout->addLayout(keyButtons);
    auto *groupsBox = new QGroupBox(tr("Attached to the groups"), right);
    auto *groupsHint = new QLabel(tr("Members of a ticked group find these keys on their phones. A group has at most one template: "
                                     "ticking it here takes it from its other template."),
        groupsBox);
    groupsHint->setWordWrap(true);
    auto *groupsLayout = new QVBoxLayout(groupsBox);
    groupsLayout->addWidget(groupsHint);
    groupsLayout->addWidget(m_groups, 1);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(nameRow);
    rightLayout->addWidget(keysBox, 2);
    rightLayout->addWidget(groupsBox, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(860, 560);

    connect(m_list, &QListWidget::currentRowChanged, this, &KeyTemplatesDialog::showTemplate);
    connect(m_new, &QPushButton::clicked, this, [this] { createTemplate(); });
    connect(m_rename, &QPushButton::clicked, this, [this] { renameCurrent(m_name->text()); });
    connect(m_name, &QLineEdit::returnPressed, this, [this] { renameCurrent(m_name->text()); });
    connect(m_name, &QLineEdit::textChanged, this, &KeyTemplatesDialog::updateButtons);
    connect(m_delete, &QPushButton::clicked, this, &KeyTemplatesDialog::deleteCurrent);
    connect(m_addKey, &QPushButton::clicked, this, &KeyTemplatesDialog::addKey);
    connect(m_editKey, &QPushButton::clicked, this, [this] { editKey(selectedKeyIndex()); });
    connect(m_keysView, &QAbstractItemView::doubleClicked, this, [this] { editKey(selectedKeyIndex()); });
    connect(m_removeKey, &QPushButton::clicked, this, [this] { removeKey(selectedKeyIndex()); });
    connect(m_keysView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &KeyTemplatesDialog::updateButtons);
    connect(m_groups, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const bool attached = item->checkState() == Qt::Checked;
        if (attached != m_current.groupIds.contains(item->data(IdRole).toString()))
            setAttached(item->data(IdRole).toString(), attached);
    });
    loadTemplates();
}

QString KeyTemplatesDialog::currentId() const
{
    return m_current.id;
}

QString KeyTemplatesDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void KeyTemplatesDialog::loadTemplates(const QString &selectId)
{
    auto templates = m_store.templates.list();
    if (!templates) {
        showError(templates.error().message);
        return;
    }
    m_templates = *templates;
    const QSignalBlocker block(m_list);
    m_list->clear();
    int row = -1;
    for (int i = 0; i < m_templates.size(); ++i) {
        auto *item = new QListWidgetItem(m_templates.at(i).name, m_list);
        item->setData(IdRole, m_templates.at(i).id);
        if (m_templates.at(i).id == selectId)
            row = i;
    }
    if (row < 0 && !m_templates.isEmpty())
        row = 0;
    m_list->setCurrentRow(row);
    showTemplate();
}

bool KeyTemplatesDialog::selectTemplate(const QString &name)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->text() == name) {
            m_list->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

void KeyTemplatesDialog::showTemplate()
{
    const int row = m_list->currentRow();
    m_current = row >= 0 && row < m_templates.size() ? m_templates.at(row) : KeyTemplate();
    {
        const QSignalBlocker block(m_name);
        m_name->setText(m_current.name);
    }
    QList<EffectiveKey> keys;
    for (const PhoneKey &k : std::as_const(m_current.keys)) {
        EffectiveKey e;
        e.key = k;
        e.source = EffectiveKey::Source::Phone;
        keys << e;
    }
    QHash<QString, QString> names;
    if (auto colleagues = m_store.users.listByIds(PhoneKeysModel::colleagueIds(keys)); colleagues) {
        for (const User &u : *colleagues)
            names.insert(u.id, u.displayName());
    }
    const int selected = selectedKeyIndex();
    m_keys->setKeys(keys, names);
    m_keysView->resizeColumnsToContents();
    const int keyRow = qMax(0, m_keys->rowOfIndex(selected));
    if (keyRow < m_keys->rowCount())
        m_keysView->selectRow(keyRow);

    const QSignalBlocker block(m_groups);
    m_groups->clear();
    auto groups = m_store.groups.list();
    if (groups) {
        for (const UserGroup &g : *groups) {
            auto *item = new QListWidgetItem(g.name, m_groups);
            item->setData(IdRole, g.id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(m_current.groupIds.contains(g.id) ? Qt::Checked : Qt::Unchecked);
        }
    }
    updateButtons();
}

void KeyTemplatesDialog::updateButtons()
{
    const bool has = !m_current.id.isEmpty();
    m_name->setEnabled(has);
    m_rename->setEnabled(has && !m_name->text().trimmed().isEmpty() && m_name->text().trimmed() != m_current.name);
    m_delete->setEnabled(has);
    m_addKey->setEnabled(has);
    m_editKey->setEnabled(has && selectedKeyIndex() > 0);
    m_removeKey->setEnabled(has && selectedKeyIndex() > 0);
    m_groups->setEnabled(has);
}

int KeyTemplatesDialog::selectedKeyIndex() const
{
    const QModelIndex current = m_keysView->currentIndex();
    return current.isValid() ? m_keys->keyAt(current.row()).key.index : 0;
}

bool KeyTemplatesDialog::save(const KeyTemplate &keyTemplate)
{
    const Status s = m_store.templates.update(keyTemplate);
    if (!s) {
        showError(s.error().message);
        loadTemplates(m_current.id);
        return false;
    }
    m_error->hide();
    loadTemplates(keyTemplate.id);
    Q_EMIT changed();
    return true;
}

bool KeyTemplatesDialog::createTemplate(const QString &name)
{
    KeyTemplate t;
    t.name = name.trimmed();
    if (t.name.isEmpty()) {
        t.name = tr("New template");
        for (int n = 2; m_store.templates.findByName(t.name); ++n)
            t.name = tr("New template %1").arg(n);
    }
    auto created = m_store.templates.create(t);
    if (!created) {
        showError(created.error().message);
        return false;
    }
    m_error->hide();
    loadTemplates(created->id);
    m_name->setFocus();
    m_name->selectAll();
    Q_EMIT changed();
    return true;
}

bool KeyTemplatesDialog::renameCurrent(const QString &name)
{
    if (m_current.id.isEmpty() || name.trimmed() == m_current.name)
        return false;
    KeyTemplate t = m_current;
    t.name = name.trimmed();
    return save(t);
}

QWidget *KeyTemplatesDialog::deleteCurrent()
{
    if (m_current.id.isEmpty())
        return nullptr;
    const QString id = m_current.id;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete key template"),
        m_current.groupIds.isEmpty()
            ? tr("Delete the key template %1?").arg(m_current.name)
            : tr("Delete the key template %1? The phones of its groups' members lose its keys.").arg(m_current.name),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDeleteTemplate"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, id] {
        if (m_current.id == id)
            removeCurrent();
    });
    box->open();
    return box;
}

bool KeyTemplatesDialog::removeCurrent()
{
    if (m_current.id.isEmpty())
        return false;
    if (const Status s = m_store.templates.remove(m_current.id); !s) {
        showError(s.error().message);
        return false;
    }
    m_error->hide();
    loadTemplates();
    Q_EMIT changed();
    return true;
}

KeyDialog *KeyTemplatesDialog::addKey()
{
    if (m_current.id.isEmpty())
        return nullptr;
    auto *dialog = new KeyDialog(m_store, 0, KeyTemplate::MaxKeys, false, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    int next = 1;
    while (m_current.key(next))
        ++next;
    PhoneKey k;
    k.index = qMin(next, KeyTemplate::MaxKeys);
    k.type = PhoneKey::Type::Extension;
    dialog->setKey(k);
    const QString id = m_current.id;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        if (m_current.id != id)
            return;
        KeyTemplate t = m_current;
        t.setKey(dialog->key());
        save(t);
    });
    dialog->open();
    return dialog;
}

KeyDialog *KeyTemplatesDialog::editKey(int keyIndex)
{
    const PhoneKey *current = m_current.key(keyIndex);
    if (!current)
        return nullptr;
    auto *dialog = new KeyDialog(m_store, keyIndex, KeyTemplate::MaxKeys, false, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QString colleague;
    if (current->type == PhoneKey::Type::Extension) {
        if (auto u = m_store.users.get(current->userId); u)
            colleague = u->displayName();
    }
    dialog->setKey(*current, colleague);
    const QString id = m_current.id;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        if (m_current.id != id)
            return;
        KeyTemplate t = m_current;
        t.setKey(dialog->key());
        save(t);
    });
    dialog->open();
    return dialog;
}

bool KeyTemplatesDialog::removeKey(int keyIndex)
{
    KeyTemplate t = m_current;
    if (!t.clearKey(keyIndex))
        return false;
    return save(t);
}

bool KeyTemplatesDialog::setAttached(const QString &groupId, bool attached)
{
    if (m_current.id.isEmpty())
        return false;
    const Status s = attached ? m_store.templates.attach(m_current.id, groupId) : m_store.templates.detach(m_current.id, groupId);
    if (!s) {
        showError(s.error().message);
        loadTemplates(m_current.id);
        return false;
    }
    m_error->hide();
    loadTemplates(m_current.id);
    Q_EMIT changed();
    return true;
}

void KeyTemplatesDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

} // namespace centrale
