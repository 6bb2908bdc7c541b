#include "contacts/ContactsPage.h"

#include "common/TablePanel.h"
#include "contacts/ContactDialog.h"
#include "contacts/ContactsModel.h"
#include "store/Store.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QToolBar>

namespace centrale {

ContactsPage::ContactsPage(Store &store, TablePanel *panel, QObject *parent)
    : QObject(parent), m_store(store), m_panel(panel), m_chooser(new QWidget(panel)), m_level(new QComboBox(m_chooser)),
      m_group(new QComboBox(m_chooser)), m_userSearch(new QLineEdit(m_chooser)), m_user(new QComboBox(m_chooser)),
      m_effective(new QCheckBox(m_chooser)), m_new(new QAction(panel)), m_edit(new QAction(panel)), m_delete(new QAction(panel))
{
    setObjectName(QStringLiteral("contactsPage"));
    m_chooser->setObjectName(QStringLiteral("contactLevelChooser"));
    m_level->setObjectName(QStringLiteral("contactLevel"));
    m_group->setObjectName(QStringLiteral("contactGroup"));
    m_userSearch->setObjectName(QStringLiteral("contactUserSearch"));
    m_userSearch->setClearButtonEnabled(true);
    m_user->setObjectName(QStringLiteral("contactUser"));
    m_effective->setObjectName(QStringLiteral("contactEffective"));
    for (int i = 0; i < 4; ++i)
        m_level->addItem({});
    auto *layout = new QHBoxLayout(m_chooser);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : std::initializer_list<QWidget *>{m_level, m_group, m_userSearch, m_user, m_effective})
        layout->addWidget(w);

    m_new->setObjectName(QStringLiteral("newContact"));
    m_new->setShortcut(QKeySequence::New);
    m_edit->setObjectName(QStringLiteral("editContact"));
    m_delete->setObjectName(QStringLiteral("deleteContact"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_panel->toolBar()->addWidget(m_chooser);
    m_panel->toolBar()->addSeparator();
    for (QAction *a : {m_new, m_edit, m_delete})
        m_panel->toolBar()->addAction(a);
    m_panel->installEventFilter(this);

    connect(m_level, &QComboBox::currentIndexChanged, this, &ContactsPage::applyLevel);
    connect(m_group, &QComboBox::currentIndexChanged, this, &ContactsPage::applyLevel);
    connect(m_user, &QComboBox::currentIndexChanged, this, &ContactsPage::applyLevel);
    connect(m_effective, &QCheckBox::toggled, this, &ContactsPage::applyLevel);
    connect(m_userSearch, &QLineEdit::textChanged, this, &ContactsPage::searchUsers);
    connect(m_new, &QAction::triggered, this, &ContactsPage::newContact);
    connect(m_edit, &QAction::triggered, this, &ContactsPage::editSelected);
    connect(m_delete, &QAction::triggered, this, &ContactsPage::deleteSelected);
    connect(m_panel, &TablePanel::currentChanged, this, &ContactsPage::updateActions);
    connect(m_panel->table(), &QAbstractItemView::doubleClicked, this, &ContactsPage::editSelected);
    fillGroups();
    retranslate();
    applyLevel();
}

ContactsModel *ContactsPage::model() const
{
    return static_cast<ContactsModel *>(m_panel->model());
}

void ContactsPage::fillGroups()
{
    const QSignalBlocker blocker(m_group);
    m_group->clear();
    auto groups = m_store.groups.list();
    if (!groups)
        return showError(groups.error().message);
    for (const UserGroup &g : *groups)
        m_group->addItem(g.name, g.id);
}

void ContactsPage::searchUsers(const QString &text)
{
    {
        const QSignalBlocker blocker(m_user);
        m_user->clear();
        if (!text.trimmed().isEmpty()) {
            ListQuery query;
            query.filter = text.trimmed();
            query.limit = 50;
            auto users = m_store.users.list(query);
            if (!users)
                return showError(users.error().message);
            for (const User &u : *users)
                m_user->addItem(QStringLiteral("%1 (%2)").arg(u.displayName(), u.username), u.id);
        }
    }
    applyLevel();
}

void ContactsPage::applyLevel()
{
    const auto level = static_cast<Level>(m_level->currentIndex());
    m_group->setVisible(level == GroupLevel);
    m_userSearch->setVisible(level == UserLevel);
    m_user->setVisible(level == UserLevel);
    m_effective->setVisible(level == UserLevel);
    switch (level) {
    case AllContacts: model()->setLevel(std::nullopt); break;
    case OrganisationLevel: model()->setLevel(Contact::Scope::Organisation); break;
    case GroupLevel: model()->setLevel(Contact::Scope::Group, m_group->currentData().toString()); break;
    case UserLevel:
        if (m_effective->isChecked() && !m_user->currentData().toString().isEmpty())
            model()->setEffectiveUser(m_user->currentData().toString());
        else
            model()->setLevel(Contact::Scope::User, m_user->currentData().toString());
        break;
    }
    updateActions();
}

ContactDialog *ContactsPage::openDialog(const QString &id, Contact::Scope scope, const QString &ownerId)
{
    auto *dialog = new ContactDialog(m_store, id, scope, ownerId, m_panel->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ContactDialog::contactSaved, this, &ContactsPage::refresh);
    dialog->open();
    return dialog;
}

ContactDialog *ContactsPage::newContact()
{
    switch (static_cast<Level>(m_level->currentIndex())) {
    case AllContacts:
    case OrganisationLevel: return openDialog({}, Contact::Scope::Organisation, {});
    case GroupLevel:
        if (m_group->currentData().toString().isEmpty())
            return nullptr;
        return openDialog({}, Contact::Scope::Group, m_group->currentData().toString());
    case UserLevel:
        if (m_user->currentData().toString().isEmpty())
            return nullptr;
        return openDialog({}, Contact::Scope::User, m_user->currentData().toString());
    }
    return nullptr;
}

ContactDialog *ContactsPage::editSelected()
{
    const QString id = m_panel->selectedId();
    return id.isEmpty() ? nullptr : openDialog(id, Contact::Scope::Organisation, {});
}

void ContactsPage::deleteSelected()
{
    const QString id = m_panel->selectedId();
    if (id.isEmpty())
        return;
    auto contact = m_store.contacts.get(id);
    if (!contact)
        return showError(contact.error().message);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete contact"),
                                tr("Delete the contact %1? Users will no longer see it.").arg(contact->displayName()),
                                QMessageBox::NoButton, m_panel->window());
    box->setObjectName(QStringLiteral("confirmDeleteContact"));
    QPushButton *remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteContactButton"));
    QPushButton *cancel = box->addButton(tr("Cancel"), QMessageBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelDeleteContact"));
    box->setDefaultButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, id, remove](QAbstractButton *button) {
        if (button != remove)
            return;
        if (Status removed = m_store.contacts.remove(id); !removed)
            return showError(removed.error().message);
        refresh({});
    });
    box->open();
}

void ContactsPage::refresh(const QString &selectId)
{
    ContactsModel *m = model();
    m->reload();
    while (!selectId.isEmpty() && m->canFetchMore({}))
        m->fetchMore({});
    for (int r = 0; r < m->rowCount() && !selectId.isEmpty(); ++r) {
        if (m->idAt(r) == selectId) {
            m_panel->table()->setCurrentIndex(m->index(r, 0));
            break;
        }
    }
    updateActions();
    Q_EMIT changed();
}

void ContactsPage::showError(const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Contact lists"), text, QMessageBox::Ok, m_panel->window());
    box->setObjectName(QStringLiteral("contactMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void ContactsPage::updateActions()
{
    const auto level = static_cast<Level>(m_level->currentIndex());
    const bool ownerMissing = (level == GroupLevel && m_group->currentData().toString().isEmpty())
                              || (level == UserLevel && m_user->currentData().toString().isEmpty());
    m_new->setEnabled(!ownerMissing);
    const bool selected = !m_panel->selectedId().isEmpty();
    m_edit->setEnabled(selected);
    m_delete->setEnabled(selected);
}

bool ContactsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_panel && event->type() == QEvent::LanguageChange)
        retranslate();
    // Groups may have been added, renamed or deleted on the User groups page meanwhile.
    if (watched == m_panel && event->type() == QEvent::Show) {
        const QString current = m_group->currentData().toString();
        fillGroups();
        const int index = m_group->findData(current);
        if (index >= 0) {
            const QSignalBlocker blocker(m_group);
            m_group->setCurrentIndex(index);
        }
        if (m_group->currentData().toString() != current && m_level->currentIndex() == GroupLevel)
            applyLevel();
    }
    return QObject::eventFilter(watched, event);
}

void ContactsPage::retranslate()
{
    m_level->setItemText(AllContacts, tr("All contacts"));
    m_level->setItemText(OrganisationLevel, tr("Configure for all users in the organisation"));
    m_level->setItemText(GroupLevel, tr("A user group"));
    m_level->setItemText(UserLevel, tr("A user"));
    m_userSearch->setPlaceholderText(tr("Search a user: username or name"));
    m_effective->setText(tr("Show what this user sees"));
    m_new->setText(tr("Create a new contact"));
    m_new->setToolTip(tr("Create a contact at the chosen level (%1)").arg(m_new->shortcut().toString(QKeySequence::NativeText)));
    m_edit->setText(tr("Edit…"));
    m_edit->setToolTip(tr("Change the selected contact's names, email and phone numbers"));
    m_delete->setText(tr("Delete"));
    m_delete->setToolTip(tr("Delete the selected contact (%1)").arg(m_delete->shortcut().toString(QKeySequence::NativeText)));
    updateActions();
}

} // namespace centrale
