#pragma once

#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <memory>

class QActionGroup;
class QGroupBox;
class QLabel;
class QMenu;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;
class QUndoGroup;
class QUndoStack;

namespace centrale {

class PhoneReloader;
class Store;
class TablePanel;
class Translations;
class UsersModel;
class CalendarEditor;
class ConflictsDialog;
class CredentialStore;
class ElevationDialog;
class LoginDialog;
class SyncController;
class SyncStatusWidget;

// The main window: the portal's menus on the left, the selected menu's panel on the right, and
// the store's state in the status bar.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    enum class Page { Contacts, Prompts, Calendars, Groups, Users, Phones };

    // reloader: how "Save and reload" reaches the phones; without one, a SIP sender of the window's own
    // (SipPhoneReloader, T1 from CENTRALE_SIP_T1_MS).
    // credentials: where the server session's token is kept; without one, the system keychain.
    MainWindow(Store &store, Translations &translations, PhoneReloader *reloader = nullptr, QWidget *parent = nullptr,
        CredentialStore *credentials = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    TablePanel *panel(Page page) const;
    void setLanguage(const QString &code);
    // A page whose edits can be undone registers its stack; Edit › Undo/Redo follow the shown page.
    void registerUndoStack(Page page, QUndoStack *stack);
    QUndoGroup *undoGroup() const { return m_undoGroup; }
    SyncController *syncController() const { return m_sync; }
    SyncStatusWidget *syncStatus() const { return m_syncStatus; }
    // Server › Connect to a server…, Conflicts…: non-modal for the rest of the application's windows.
    LoginDialog *openLoginDialog(const QString &reason = {});
    ConflictsDialog *openConflictsDialog();
    ElevationDialog *openElevationDialog();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildNavigation();
    void retranslate();
    void refreshStatus();
    void buildServerMenu();
    void afterSync();

    Store &m_store;
    Translations &m_translations;
    QTreeWidget *m_navigation;
    QStackedWidget *m_pages;
    QList<TablePanel *> m_panels;
    UsersModel *m_groupMembers = nullptr;
    CalendarEditor *m_calendar = nullptr;
    QGroupBox *m_membersBox = nullptr;
    QGroupBox *m_eventsBox = nullptr;
    QGroupBox *m_keysBox = nullptr;
    QLabel *m_storeLabel;
    QLabel *m_pendingLabel;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QUndoGroup *m_undoGroup;
    QHash<int, QUndoStack *> m_undoStacks;
    QAction *m_aboutAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    std::unique_ptr<CredentialStore> m_ownCredentials;
    SyncController *m_sync = nullptr;
    SyncStatusWidget *m_syncStatus = nullptr;
    QMenu *m_serverMenu = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_syncAction = nullptr;
    QAction *m_conflictsAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QPointer<LoginDialog> m_loginDialog;
    QPointer<ConflictsDialog> m_conflictsDialog;
    QPointer<ElevationDialog> m_elevationDialog;
    QSet<int> m_stalePanels;
};

} // namespace centrale
