#include "main/MainWindow.h"

#include "calendars/CalendarEditor.h"
#include "calendars/FunctionsModel.h"
#include "common/CsvActions.h"
#include "common/TablePanel.h"
#include "contacts/ContactsModel.h"
#include "contacts/ContactsPage.h"
#include "devices/PhoneProvisioning.h"
#include "devices/SipPhoneReloader.h"
#include "groups/GroupsModel.h"
#include "groups/GroupsPage.h"
#include "i18n/Translations.h"
#include "phones/PhoneDetail.h"
#include "phones/PhonesModel.h"
#include "phones/PhonesPage.h"
#include "prompts/PromptsModel.h"
#include "prompts/PromptsPage.h"
#include "store/Store.h"
#include "sync/ConflictsDialog.h"
#include "sync/CredentialStore.h"
#include "sync/ElevationDialog.h"
#include "sync/LoginDialog.h"
#include "sync/SyncController.h"
#include "sync/SyncStatusWidget.h"
#include "users/UserDetail.h"
#include "users/UsersModel.h"
#include "users/UsersPage.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

namespace centrale {

namespace {
constexpr int PageRole = Qt::UserRole + 1;

QGroupBox *detailBox(QWidget *parent, PagedTableModel *model, const QString &objectName)
{
    auto *box = new QGroupBox(parent);
    box->setObjectName(objectName);
    auto *view = new QTableView(box);
    view->setObjectName(objectName + QStringLiteral("Table"));
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->setVisible(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(view);
    QObject::connect(model, &QAbstractItemModel::modelReset, view, [view] { view->resizeColumnsToContents(); });
    return box;
}
} // namespace

MainWindow::MainWindow(Store &store, Translations &translations, PhoneReloader *reloader, QWidget *parent, CredentialStore *credentials)
    : QMainWindow(parent), m_store(store), m_translations(translations), m_navigation(new QTreeWidget(this)),
      m_pages(new QStackedWidget(this)), m_storeLabel(new QLabel(this)), m_pendingLabel(new QLabel(this)), m_undoGroup(new QUndoGroup(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    if (!credentials) {
        m_ownCredentials = std::make_unique<KeychainCredentialStore>();
        credentials = m_ownCredentials.get();
    }
    m_sync = new SyncController(store, *credentials, this);
    m_sync->setLanguage(m_translations.current());
    m_panels = {
        new TablePanel(QStringLiteral("contactsPanel"), new ContactsModel(store), m_pages),
        new TablePanel(QStringLiteral("promptsPanel"), new PromptsModel(store), m_pages),
        new TablePanel(QStringLiteral("calendarsPanel"), new FunctionsModel(store), m_pages),
        new TablePanel(QStringLiteral("groupsPanel"), new GroupsModel(store), m_pages),
        new TablePanel(QStringLiteral("usersPanel"), new UsersModel(store), m_pages),
        new TablePanel(QStringLiteral("phonesPanel"), new PhonesModel(store), m_pages),
    };
    for (TablePanel *p : m_panels)
        m_pages->addWidget(p);
    // Filtering and sorting 100 000 users answer from memory once the index is built.
    qobject_cast<UsersModel *>(panel(Page::Users)->model())->buildIndexInBackground();
    auto *userDetail = new UserDetail(store, this);
    panel(Page::Users)->setDetail(userDetail);
    connect(panel(Page::Users), &TablePanel::currentChanged, userDetail, &UserDetail::setUser);
    // Users: Edit user…, welcome messages, group changes on a selection, CSV (ui/users).
    auto *users = new UsersPage(store, panel(Page::Users), userDetail, this);
    users->setSyncController(m_sync);
    connect(users, &UsersPage::changed, this, &MainWindow::refreshStatus);

    // User groups: "Répertorier les utilisateurs" — the members of the selected group.
    m_groupMembers = new UsersModel(store, this);
    m_membersBox = detailBox(this, m_groupMembers, QStringLiteral("groupMembers"));
    panel(Page::Groups)->setDetail(m_membersBox);
    connect(panel(Page::Groups), &TablePanel::currentChanged, this, [this](const QString &id) { m_groupMembers->setGroup(id); });
    // User groups: New, Edit, Delete (ui/groups).
    connect(new GroupsPage(store, panel(Page::Groups), m_groupMembers, this), &GroupsPage::changed, this, &MainWindow::refreshStatus);

    // Calendars: the selected function number's schedule, edited with undo (ui/calendars).
    m_calendar = new CalendarEditor(store, [] { return QDateTime::currentDateTime(); }, this);
    m_eventsBox = new QGroupBox(this);
    m_eventsBox->setObjectName(QStringLiteral("scheduleEvents"));
    (new QVBoxLayout(m_eventsBox))->addWidget(m_calendar);
    panel(Page::Calendars)->setDetail(m_eventsBox);
    panel(Page::Calendars)->toolBar()->addActions(m_calendar->editActions());
    registerUndoStack(Page::Calendars, m_calendar->undoStack());
    connect(panel(Page::Calendars), &TablePanel::currentChanged, m_calendar, &CalendarEditor::setFunction);
    if (panel(Page::Calendars)->model()->rowCount() > 0)
        panel(Page::Calendars)->table()->selectRow(0);
    connect(m_calendar, &CalendarEditor::scheduleChanged, static_cast<FunctionsModel *>(panel(Page::Calendars)->model()), &FunctionsModel::refreshStates);
    connect(m_calendar, &CalendarEditor::scheduleChanged, this, &MainWindow::refreshStatus);

    // Contact lists: level chooser and Create / Edit / Delete (ui/contacts).
    connect(new ContactsPage(store, panel(Page::Contacts), this), &ContactsPage::changed, this, &MainWindow::refreshStatus);
    connect(new CsvActions(store, panel(Page::Contacts), CsvImportDialog::Kind::Contacts, this), &CsvActions::changed, this,
            &MainWindow::refreshStatus);

    // Voice prompts: actions, waveform and playback, drag and drop of audio files.
    auto *prompts = new PromptsPage(store, panel(Page::Prompts), this);
    prompts->setSyncController(m_sync);
    connect(prompts, &PromptsPage::changed, this, &MainWindow::refreshStatus);

    // Devices › SIP phones: the selected phone's keys, "Save and reload", key templates, bulk changes.
    if (!reloader)
        reloader = new SipPhoneReloader(this);
    auto *phoneDetail = new PhoneDetail(store, this);
    m_keysBox = new QGroupBox(this);
    m_keysBox->setObjectName(QStringLiteral("phoneKeysBox"));
    (new QVBoxLayout(m_keysBox))->addWidget(phoneDetail);
    // The keys say where each one comes from: they get nearly half the width.
    panel(Page::Phones)->setDetail(m_keysBox, 4, 3);
    auto *phones = new PhonesPage(store, panel(Page::Phones), phoneDetail, *reloader, PhoneProvisioning::directoryFor(store.path()), this);
    connect(phones, &PhonesPage::changed, this, &MainWindow::refreshStatus);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);

    buildNavigation();
    buildMenus();
    m_syncStatus = new SyncStatusWidget(*m_sync, this);
    m_pendingLabel->hide(); // the sync status shows the changes waiting
    statusBar()->addWidget(m_storeLabel, 1);
    statusBar()->addPermanentWidget(m_syncStatus);
    connect(m_syncStatus, &SyncStatusWidget::conflictsRequested, this, &MainWindow::openConflictsDialog);
    connect(m_sync, &SyncController::synced, this, &MainWindow::afterSync);
    connect(m_sync, &SyncController::stateChanged, this, [this] {
        const bool on = m_sync->connected();
        m_syncAction->setEnabled(on);
        m_disconnectAction->setEnabled(on);
    });
    connect(m_sync, &SyncController::elevationRequired, this, [this] { openElevationDialog(); });
    connect(m_sync, &SyncController::loginRequired, this, [this](const QString &message) { openLoginDialog(message); });
    retranslate();

    // Now that every detail is connected, give each list a selected row.
    for (TablePanel *p : m_panels)
        p->selectFirstRowIfNone();

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    for (TablePanel *p : m_panels)
        p->restoreLayout();
    if (!settings.contains(QStringLiteral("window/geometry")))
        resize(1280, 760);
    showPage(static_cast<Page>(settings.value(QStringLiteral("window/page"), static_cast<int>(Page::Users)).toInt()));
}

MainWindow::~MainWindow() = default;

TablePanel *MainWindow::panel(Page page) const
{
    return m_panels.at(static_cast<int>(page));
}

void MainWindow::buildNavigation()
{
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setHeaderHidden(true);
    m_navigation->setRootIsDecorated(false);
    m_navigation->setMinimumWidth(200);
    m_navigation->setMaximumWidth(320);
    const QList<QList<Page>> sections = {{Page::Contacts}, {Page::Prompts}, {Page::Calendars}, {Page::Groups, Page::Users}, {Page::Phones}};
    for (const QList<Page> &pages : sections) {
        auto *section = new QTreeWidgetItem(m_navigation);
        section->setFlags(Qt::ItemIsEnabled);
        QFont bold = section->font(0);
        bold.setBold(true);
        section->setFont(0, bold);
        for (Page page : pages) {
            auto *item = new QTreeWidgetItem(section);
            item->setData(0, PageRole, static_cast<int>(page));
        }
    }
    m_navigation->expandAll();
    connect(m_navigation, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(0, PageRole).isValid())
            showPage(static_cast<Page>(item->data(0, PageRole).toInt()));
    });
}

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_editMenu = menuBar()->addMenu(QString());
    m_undoAction = m_undoGroup->createUndoAction(this);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_undoGroup->createRedoAction(this);
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    m_editMenu->addSeparator();
    m_findAction = m_editMenu->addAction(QString(), this, [this] { m_panels.at(m_pages->currentIndex())->focusFilter(); });
    m_findAction->setShortcut(QKeySequence::Find);

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageGroup = new QActionGroup(this);
    for (const QString &code : Translations::languages()) {
        QAction *a = m_languageMenu->addAction(Translations::languageName(code));
        a->setObjectName(QStringLiteral("language_") + code);
        a->setCheckable(true);
        a->setChecked(code == m_translations.current());
        a->setData(code);
        m_languageGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { setLanguage(code); });
    }

    buildServerMenu();

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About Centrale"),
                           tr("<h3>Centrale %1</h3><p>Administration of hosted business telephony: contact lists, voice prompts, "
                              "calendars, user groups, users and SIP phones, with offline editing.</p>"
                              "<p>Licensed under the Apache License 2.0.</p>")
                               .arg(QStringLiteral(CENTRALE_VERSION)));
    });
}

void MainWindow::buildServerMenu()
{
    m_serverMenu = menuBar()->addMenu(QString());
    m_serverMenu->setObjectName(QStringLiteral("serverMenu"));
    m_connectAction = m_serverMenu->addAction(QString(), this, [this] { openLoginDialog(); });
    m_connectAction->setObjectName(QStringLiteral("connectAction"));
    m_syncAction = m_serverMenu->addAction(QString(), m_sync, &SyncController::syncNow);
    m_syncAction->setObjectName(QStringLiteral("syncAction"));
    m_syncAction->setShortcut(QKeySequence::Refresh);
    m_conflictsAction = m_serverMenu->addAction(QString(), this, &MainWindow::openConflictsDialog);
    m_conflictsAction->setObjectName(QStringLiteral("conflictsAction"));
    m_serverMenu->addSeparator();
    m_disconnectAction = m_serverMenu->addAction(QString(), this, [this] {
        if (QMessageBox::question(this, tr("Disconnect"),
                tr("Disconnect this store from %1? Its changes stay here and are sent when you connect again.")
                    .arg(m_sync->settings().server))
            == QMessageBox::Yes)
            m_sync->disconnectFromServer();
    });
    m_disconnectAction->setObjectName(QStringLiteral("disconnectAction"));
    m_syncAction->setEnabled(m_sync->connected());
    m_disconnectAction->setEnabled(m_sync->connected());
}

LoginDialog *MainWindow::openLoginDialog(const QString &reason)
{
    // A closed dialog is made again: it starts empty.
    if (m_loginDialog && !m_loginDialog->isVisible())
        delete m_loginDialog;
    if (!m_loginDialog)
        m_loginDialog = new LoginDialog(*m_sync, this);
    if (!reason.isEmpty())
        m_loginDialog->prefill(m_sync->lastServer(), m_sync->lastUsername(), reason);
    m_loginDialog->open();
    return m_loginDialog;
}

ConflictsDialog *MainWindow::openConflictsDialog()
{
    // A closed dialog is made again: it starts empty.
    if (m_conflictsDialog && !m_conflictsDialog->isVisible())
        delete m_conflictsDialog;
    if (!m_conflictsDialog)
        m_conflictsDialog = new ConflictsDialog(*m_sync, this);
    m_conflictsDialog->show();
    m_conflictsDialog->raise();
    return m_conflictsDialog;
}

ElevationDialog *MainWindow::openElevationDialog()
{
    // A closed dialog is made again: it starts empty.
    if (m_elevationDialog && !m_elevationDialog->isVisible())
        delete m_elevationDialog;
    if (!m_elevationDialog)
        m_elevationDialog = new ElevationDialog(*m_sync, this);
    m_elevationDialog->open();
    return m_elevationDialog;
}

void MainWindow::afterSync()
{
    // A dialog open on a record keeps what the administrator typed: the lists are read again
    // once it is closed.
    if (QApplication::activeModalWidget() && QApplication::activeModalWidget() != m_loginDialog
        && QApplication::activeModalWidget() != m_elevationDialog) {
        QTimer::singleShot(1000, this, &MainWindow::afterSync);
        return;
    }
    m_store.refreshOrganisation();
    // The users' search index is rebuilt; meanwhile the lists come from SQL.
    qobject_cast<UsersModel *>(panel(Page::Users)->model())->rebuildIndex();
    for (int i = 0; i < m_panels.size(); ++i)
        m_stalePanels.insert(i);
    showPage(static_cast<Page>(m_pages->currentIndex()));
    retranslate();
}

void MainWindow::setLanguage(const QString &code)
{
    if (!m_translations.install(code))
        return;
    m_sync->setLanguage(code);
    QSettings().setValue(QStringLiteral("language"), code);
    for (QAction *a : m_languageGroup->actions())
        a->setChecked(a->data().toString() == code);
}

void MainWindow::registerUndoStack(Page page, QUndoStack *stack)
{
    m_undoGroup->addStack(stack);
    m_undoStacks.insert(static_cast<int>(page), stack);
    if (m_pages->currentIndex() == static_cast<int>(page))
        m_undoGroup->setActiveStack(stack);
}

void MainWindow::showPage(Page page)
{
    const int index = static_cast<int>(page);
    m_pages->setCurrentIndex(index);
    if (m_stalePanels.remove(index)) {
        // Read again: a sync changed the store since this panel was last shown.
        TablePanel *p = m_panels.at(index);
        const QString current = p->selectedId();
        const QStringList selected = p->selectedIds();
        p->model()->reload();
        p->selectId(current);
        if (selected.size() > 1)
            p->selectIds(selected);
        p->selectFirstRowIfNone();
        // The user's details are only shown, never edited in place: show them as they are now.
        if (page == Page::Users)
            Q_EMIT p->currentChanged(p->selectedId());
    }
    m_undoGroup->setActiveStack(m_undoStacks.value(index));
    for (int s = 0; s < m_navigation->topLevelItemCount(); ++s) {
        QTreeWidgetItem *section = m_navigation->topLevelItem(s);
        for (int c = 0; c < section->childCount(); ++c) {
            if (section->child(c)->data(0, PageRole).toInt() == index)
                m_navigation->setCurrentItem(section->child(c));
        }
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/page"), m_pages->currentIndex());
    for (TablePanel *p : m_panels)
        p->saveLayout();
    event->accept();
}

void MainWindow::retranslate()
{
    QString organisation;
    if (auto org = m_store.organisation.current(); org)
        organisation = org->domain;
    setWindowTitle(organisation.isEmpty() ? tr("Centrale") : tr("Centrale — %1").arg(organisation));

    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_editMenu->setTitle(tr("&Edit"));
    m_findAction->setText(tr("&Find…"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About Centrale"));
    m_serverMenu->setTitle(tr("&Server"));
    m_connectAction->setText(tr("&Connect to a server…"));
    m_syncAction->setText(tr("&Sync now"));
    m_conflictsAction->setText(tr("C&onflicts…"));
    m_disconnectAction->setText(tr("&Disconnect"));

    // The portal's menus, in its words.
    const QStringList sections = {tr("Services"), tr("Organisation"), tr("Function numbers"), tr("User administration"), tr("Devices")};
    const QMap<Page, QString> pages = {{Page::Contacts, tr("Contact lists")}, {Page::Prompts, tr("Voice prompts")},
                                       {Page::Calendars, tr("Calendars")},    {Page::Groups, tr("User groups")},
                                       {Page::Users, tr("Users")},            {Page::Phones, tr("SIP phones")}};
    for (int s = 0; s < m_navigation->topLevelItemCount(); ++s) {
        QTreeWidgetItem *section = m_navigation->topLevelItem(s);
        section->setText(0, sections.value(s));
        for (int c = 0; c < section->childCount(); ++c)
            section->child(c)->setText(0, pages.value(static_cast<Page>(section->child(c)->data(0, PageRole).toInt())));
    }
    m_navigation->setAccessibleName(tr("Menu"));

    panel(Page::Contacts)->setTexts(tr("Contact lists"),
                                    tr("Contacts can be defined for the whole organisation, a user group or a user. A user inherits "
                                       "the contacts of the organisation and of every group it belongs to."));
    panel(Page::Prompts)->setTexts(tr("Voice prompts"), tr("Prompts are stored as A-law, 8 kHz, mono. The description should be the exact text of the prompt."));
    panel(Page::Calendars)->setTexts(tr("Calendars"),
                                     tr("Each function number's schedule is a list of events in order of priority: the first event "
                                        "that applies wins. By default a function number is closed."));
    panel(Page::Groups)->setTexts(tr("User groups"), tr("Users of a group share its service settings. Select a group to list its users."));
    panel(Page::Users)->setTexts(tr("Users"), QString());
    panel(Page::Phones)->setTexts(tr("SIP phones"),
                                  tr("Select a phone to program its keys; select several for changes on all of them. \"Save and reload\" "
                                     "sends the phones their new settings."));
    m_membersBox->setTitle(tr("Users of the group"));
    m_eventsBox->setTitle(tr("Schedule of the selected function number"));
    m_keysBox->setTitle(tr("Keys of the selected phone"));
    refreshStatus();
}

void MainWindow::refreshStatus()
{
    m_storeLabel->setText(tr("Local store: %1").arg(QDir::toNativeSeparators(m_store.path())));
    auto pending = m_store.outbox.count();
    m_pendingLabel->setText(pending ? tr("%n change(s) waiting to be sent", nullptr, *pending) : pending.error().message);
    if (m_sync)
        m_sync->localChanged();
}

} // namespace centrale
