#include "groups/GroupsPage.h"

#include "common/PagedTableModel.h"
#include "common/TablePanel.h"
#include "groups/GroupDialog.h"
#include "store/Store.h"

#include <QAction>
#include <QEvent>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QToolBar>

namespace centrale {

GroupsPage::GroupsPage(Store &store, TablePanel *panel, PagedTableModel *members, QObject *parent)
    : QObject(parent), m_store(store), m_panel(panel), m_members(members), m_new(new QAction(panel)), m_edit(new QAction(panel)),
      m_delete(new QAction(panel))
{
    setObjectName(QStringLiteral("groupsPage"));
    m_new->setObjectName(QStringLiteral("newGroup"));
    m_new->setShortcut(QKeySequence::New);
    m_edit->setObjectName(QStringLiteral("editGroup"));
    m_delete->setObjectName(QStringLiteral("deleteGroup"));
    m_delete->setShortcut(QKeySequence::Delete);
    for (QAction *a : {m_new, m_edit, m_delete})
        m_panel->toolBar()->addAction(a);
    m_panel->installEventFilter(this);
    connect(m_new, &QAction::triggered, this, &GroupsPage::newGroup);
    connect(m_edit, &QAction::triggered, this, &GroupsPage::editSelected);
    connect(m_delete, &QAction::triggered, this, &GroupsPage::deleteSelected);
    connect(m_panel, &TablePanel::currentChanged, this, &GroupsPage::updateActions);
    connect(m_panel->table(), &QAbstractItemView::doubleClicked, this, &GroupsPage::editSelected);
    retranslate();
}

GroupDialog *GroupsPage::openDialog(const QString &id)
{
    auto *dialog = new GroupDialog(m_store, id, m_panel->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &GroupDialog::groupSaved, this, &GroupsPage::refresh);
    dialog->open();
    return dialog;
}

GroupDialog *GroupsPage::newGroup()
{
    return openDialog({});
}

GroupDialog *GroupsPage::editSelected()
{
    const QString id = m_panel->selectedId();
    return id.isEmpty() ? nullptr : openDialog(id);
}

void GroupsPage::deleteSelected()
{
    const QString id = m_panel->selectedId();
    if (id.isEmpty())
        return;
    const Status removed = m_store.groups.remove(id);
    if (removed) {
        refresh({});
        return;
    }
    if (removed.error().code != ErrorCode::InUse)
        return showError(removed.error().message);

    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete user group"),
                                QString(removed.error().message + QStringLiteral("\n\n")
                                        + tr("Remove the members from this group and delete it?")),
                                QMessageBox::NoButton, m_panel->window());
    box->setObjectName(QStringLiteral("confirmDeleteGroup"));
    QPushButton *removeAndDelete = box->addButton(tr("Remove the members and delete"), QMessageBox::DestructiveRole);
    removeAndDelete->setObjectName(QStringLiteral("removeMembersAndDelete"));
    QPushButton *cancel = box->addButton(tr("Cancel"), QMessageBox::RejectRole);
    cancel->setObjectName(QStringLiteral("cancelDeleteGroup"));
    box->setDefaultButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, id, removeAndDelete](QAbstractButton *button) {
        if (button == removeAndDelete)
            removeMembersAndDelete(id);
    });
    box->open();
}

bool GroupsPage::removeMembersAndDelete(const QString &id)
{
    const Status done = m_store.database().transaction([this, &id]() -> Status {
        auto members = m_store.users.list({}, id);
        if (!members)
            return members.error();
        for (User user : *members) {
            user.groupIds.removeAll(id);
            if (Status s = m_store.users.update(user); !s)
                return s;
        }
        return m_store.groups.remove(id);
    });
    if (!done) {
        showError(done.error().message);
        refresh(id);
        return false;
    }
    refresh({});
    return true;
}

void GroupsPage::refresh(const QString &selectId)
{
    PagedTableModel *model = m_panel->model();
    model->reload();
    m_panel->selectId(selectId);
    m_members->reload();
    updateActions();
    Q_EMIT changed();
}

void GroupsPage::showError(const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("User groups"), text, QMessageBox::Ok, m_panel->window());
    box->setObjectName(QStringLiteral("groupMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void GroupsPage::updateActions()
{
    const bool selected = !m_panel->selectedId().isEmpty();
    m_edit->setEnabled(selected);
    m_delete->setEnabled(selected);
}

bool GroupsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_panel && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void GroupsPage::retranslate()
{
    m_new->setText(tr("New group…"));
    m_new->setToolTip(tr("Create a user group (%1)").arg(m_new->shortcut().toString(QKeySequence::NativeText)));
    m_edit->setText(tr("Edit…"));
    m_edit->setToolTip(tr("Rename the selected group, change its description and its settings"));
    m_delete->setText(tr("Delete"));
    m_delete->setToolTip(tr("Delete the selected group (%1)").arg(m_delete->shortcut().toString(QKeySequence::NativeText)));
    updateActions();
}

} // namespace centrale
