#include "users/UsersPage.h"

#include "common/CsvActions.h"
#include "common/TablePanel.h"
#include "domain/PhoneNumbers.h"
#include "store/Store.h"
#include "users/UserDetail.h"
#include "users/UserDialog.h"
#include "users/UsersModel.h"
#include "users/WelcomeDialog.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>

namespace centrale {

UsersPage::UsersPage(Store &store, TablePanel *panel, UserDetail *detail, QObject *parent)
    : QObject(parent), m_store(store), m_panel(panel), m_detail(detail),
      m_csv(new CsvActions(store, panel, CsvImportDialog::Kind::Users, this)), m_filterColumn(new QComboBox(panel)), m_menu(new QMenu(panel)),
      m_edit(new QAction(panel)), m_welcome(new QAction(panel)), m_addToGroup(new QAction(panel)), m_removeFromGroup(new QAction(panel)),
      m_tools(new QAction(panel))
{
    setObjectName(QStringLiteral("usersPage"));
    m_edit->setObjectName(QStringLiteral("editUser"));
    m_edit->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_edit->setShortcutContext(Qt::WidgetShortcut);
    m_panel->table()->addAction(m_edit);
    m_welcome->setObjectName(QStringLiteral("sendWelcomeMessage"));
    m_addToGroup->setObjectName(QStringLiteral("addToGroup"));
    m_removeFromGroup->setObjectName(QStringLiteral("removeFromGroup"));
    // The portal's tool icon on each row: here a menu of the same actions, on the tool bar and on the row.
    m_menu->setObjectName(QStringLiteral("userToolMenu"));
    m_menu->addAction(m_edit);
    m_menu->addAction(m_welcome);
    m_menu->addSeparator();
    m_menu->addAction(m_addToGroup);
    m_menu->addAction(m_removeFromGroup);
    m_tools->setObjectName(QStringLiteral("userTools"));
    m_tools->setMenu(m_menu);
    m_tools->setIcon(QIcon::fromTheme(QStringLiteral("preferences-system")));
    connect(m_tools, &QAction::triggered, this, &UsersPage::editSelected);
    m_panel->toolBar()->insertAction(m_panel->toolBar()->actions().value(0), m_tools);
    if (auto *button = qobject_cast<QToolButton *>(m_panel->toolBar()->widgetForAction(m_tools)))
        button->setPopupMode(QToolButton::MenuButtonPopup);
    m_panel->toolBar()->insertAction(m_csv->importAction(), m_welcome);
    m_panel->toolBar()->insertAction(m_csv->importAction(), m_addToGroup);
    m_panel->toolBar()->insertAction(m_csv->importAction(), m_removeFromGroup);

    m_panel->setMultiSelection(true);
    m_panel->table()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_panel->table(), &QWidget::customContextMenuRequested, this,
            [this](const QPoint &pos) { m_menu->popup(m_panel->table()->viewport()->mapToGlobal(pos)); });
    connect(m_panel->table(), &QAbstractItemView::doubleClicked, this, &UsersPage::editSelected);
    connect(m_edit, &QAction::triggered, this, &UsersPage::editSelected);
    connect(m_welcome, &QAction::triggered, this, &UsersPage::sendWelcomeToSelected);
    connect(m_addToGroup, &QAction::triggered, this, &UsersPage::addSelectedToGroup);
    connect(m_removeFromGroup, &QAction::triggered, this, &UsersPage::removeSelectedFromGroup);
    connect(m_panel->table()->selectionModel(), &QItemSelectionModel::selectionChanged, this, &UsersPage::updateActions);
    connect(m_panel, &TablePanel::currentChanged, this, &UsersPage::updateActions);
    connect(m_csv, &CsvActions::changed, this, &UsersPage::refresh);

    m_filterColumn->setObjectName(QStringLiteral("filterColumn"));
    m_panel->addFilterWidget(m_filterColumn);
    connect(m_filterColumn, &QComboBox::currentIndexChanged, this,
            [this] { model()->setFilterColumn(m_filterColumn->currentData().toInt()); });
    m_panel->installEventFilter(this);
    retranslate();
}

UsersModel *UsersPage::model() const
{
    return static_cast<UsersModel *>(m_panel->model());
}

QStringList UsersPage::selectedIds() const
{
    QStringList ids = m_panel->selectedIds();
    if (ids.isEmpty() && !m_panel->selectedId().isEmpty())
        ids << m_panel->selectedId();
    return ids;
}

UserDialog *UsersPage::editSelected()
{
    const QString id = m_panel->selectedId();
    if (id.isEmpty())
        return nullptr;
    auto *dialog = new UserDialog(m_store, id, m_panel->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &UserDialog::welcomeRequested, this, [this](const QString &userId) { sendWelcome({userId}); });
    connect(dialog, &UserDialog::showPhoneRequested, this, &UsersPage::showPhone);
    connect(dialog, &UserDialog::userSaved, this, [this](const QString &userId, bool mobileChanged) {
        refresh();
        if (!mobileChanged)
            return;
        // As the portal suggests: after a new mobile number, send the welcome message again.
        auto *box = new QMessageBox(QMessageBox::Question, tr("Mobile number changed"),
                                    tr("The mobile number changed. Send the welcome message to the user?"), QMessageBox::NoButton,
                                    m_panel->window());
        box->setObjectName(QStringLiteral("offerWelcome"));
        QPushButton *send = box->addButton(tr("Send welcome message…"), QMessageBox::AcceptRole);
        send->setObjectName(QStringLiteral("offerWelcomeSend"));
        box->addButton(tr("Not now"), QMessageBox::RejectRole);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::buttonClicked, this, [this, send, userId](QAbstractButton *b) {
            if (b == send)
                sendWelcome({userId});
        });
        box->open();
    });
    dialog->open();
    return dialog;
}

WelcomeDialog *UsersPage::sendWelcome(const QStringList &userIds)
{
    if (userIds.isEmpty())
        return nullptr;
    auto *dialog = new WelcomeDialog(m_store, userIds, m_sync, m_panel->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &WelcomeDialog::requested, this, &UsersPage::changed);
    dialog->open();
    return dialog;
}

WelcomeDialog *UsersPage::sendWelcomeToSelected()
{
    return sendWelcome(selectedIds());
}

QInputDialog *UsersPage::chooseGroup(bool add)
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return nullptr;
    auto names = m_store.groups.names();
    if (!names) {
        showError(names.error().message);
        return nullptr;
    }
    QStringList sorted = names->values();
    sorted.sort(Qt::CaseInsensitive);
    if (sorted.isEmpty()) {
        showError(tr("There is no user group yet: create one under User groups."));
        return nullptr;
    }
    auto *dialog = new QInputDialog(m_panel->window());
    dialog->setObjectName(QStringLiteral("chooseGroup"));
    dialog->setWindowTitle(add ? tr("Add to group") : tr("Remove from group"));
    dialog->setLabelText(add ? tr("Add the %n selected user(s) to the group:", nullptr, int(ids.size()))
                             : tr("Remove the %n selected user(s) from the group:", nullptr, int(ids.size())));
    dialog->setComboBoxItems(sorted);
    dialog->setOkButtonText(add ? tr("Add") : tr("Remove"));
    dialog->setCancelButtonText(tr("Cancel"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, ids, add](const QString &name) { changeGroup(ids, name, add); });
    dialog->open();
    return dialog;
}

QInputDialog *UsersPage::addSelectedToGroup()
{
    return chooseGroup(true);
}

QInputDialog *UsersPage::removeSelectedFromGroup()
{
    return chooseGroup(false);
}

bool UsersPage::changeGroup(const QStringList &userIds, const QString &groupName, bool add)
{
    auto group = m_store.groups.findByName(groupName);
    if (!group) {
        showError(group.error().message);
        return false;
    }
    auto changed = add ? m_store.users.addToGroup(userIds, group->id) : m_store.users.removeFromGroup(userIds, group->id);
    if (!changed) {
        showError(changed.error().message);
        return false;
    }
    refresh();
    return true;
}

QMessageBox *UsersPage::showPhone(const QString &phoneId)
{
    auto phone = m_store.phones.get(phoneId);
    if (!phone) {
        showError(phone.error().message);
        return nullptr;
    }
    QStringList lines;
    lines << tr("Model: %1").arg(phone->model) << tr("MAC address: %1").arg(SipPhone::formatMac(phone->mac));
    lines << tr("Changes waiting to be sent to the phone: %1").arg(phone->pendingPush ? tr("yes") : tr("no"));
    QStringList keys;
    for (const PhoneKey &k : std::as_const(phone->keys)) {
        if (k.type == PhoneKey::Type::Empty)
            continue;
        QString value;
        if (k.type == PhoneKey::Type::Extension) {
            auto colleague = m_store.users.get(k.userId);
            value = colleague ? colleague->displayName() : tr("(user removed)");
        } else {
            value = tr("%1, %2").arg(k.displayName, PhoneNumbers::formatInternational(k.number));
        }
        keys << tr("Key %1 — %2: %3").arg(k.index).arg(SipPhone::keyTypeLabel(k.type), value);
    }
    auto *box = new QMessageBox(QMessageBox::Information, tr("Phone settings"), lines.join(QLatin1Char('\n')), QMessageBox::Close,
                                m_panel->window());
    box->setObjectName(QStringLiteral("phoneSettings"));
    box->setInformativeText(keys.isEmpty() ? tr("No key is programmed.") : tr("Programmed keys:"));
    if (!keys.isEmpty())
        box->setDetailedText(keys.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

void UsersPage::refresh()
{
    const QString current = m_panel->selectedId();
    const QStringList selected = m_panel->selectedIds();
    model()->rebuildIndex();
    model()->reload();
    m_panel->selectId(current);
    if (selected.size() > 1)
        m_panel->selectIds(selected);
    m_detail->setUser(m_panel->selectedId());
    updateActions();
    Q_EMIT changed();
}

void UsersPage::showError(const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Users"), text, QMessageBox::Ok, m_panel->window());
    box->setObjectName(QStringLiteral("usersMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void UsersPage::updateActions()
{
    const int selected = int(selectedIds().size());
    m_edit->setEnabled(!m_panel->selectedId().isEmpty());
    m_tools->setEnabled(!m_panel->selectedId().isEmpty());
    m_welcome->setEnabled(selected > 0);
    m_addToGroup->setEnabled(selected > 0);
    m_removeFromGroup->setEnabled(selected > 0);
}

bool UsersPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_panel && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void UsersPage::retranslate()
{
    m_tools->setText(tr("Edit user…"));
    m_tools->setToolTip(tr("Edit the selected user; the arrow opens the other actions on the selected users"));
    m_edit->setText(tr("Edit user…"));
    m_edit->setToolTip(tr("Password, PIN, photo, names, email, groups, direct and mobile number, desk phones"));
    m_welcome->setText(tr("Send welcome message…"));
    m_welcome->setToolTip(tr("Send the selected users how to sign in and install the applications"));
    m_addToGroup->setText(tr("Add to group…"));
    m_addToGroup->setToolTip(tr("Add the selected users to a user group"));
    m_removeFromGroup->setText(tr("Remove from group…"));
    m_removeFromGroup->setToolTip(tr("Remove the selected users from a user group"));

    const int current = m_filterColumn->currentIndex();
    const QSignalBlocker block(m_filterColumn);
    m_filterColumn->clear();
    m_filterColumn->addItem(tr("In every column"), -1);
    for (int c : {UsersModel::LastName, UsersModel::FirstName, UsersModel::Username, UsersModel::Email, UsersModel::Mobile,
                  UsersModel::DirectNumber, UsersModel::Groups, UsersModel::Phones})
        m_filterColumn->addItem(tr("In: %1").arg(model()->headerData(c, Qt::Horizontal).toString()), c);
    m_filterColumn->setCurrentIndex(qMax(0, current));
    m_filterColumn->setAccessibleName(tr("Column to filter"));
    updateActions();
}

} // namespace centrale
