#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace centrale {

class SyncController;

// "Connect to a server": the server's address, the administrator's username (or registered
// mobile) and password. Logs in off the interface thread and shows the server's reason when it
// refuses (wrong password, not an administrator, too many attempts and how long to wait) or when
// it cannot be reached.
class LoginDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoginDialog)
public:
    explicit LoginDialog(SyncController &controller, QWidget *parent = nullptr);

    // Prefills the form (after the session expired) with a reason shown above it.
    void prefill(const QString &server, const QString &username, const QString &reason = {});
    QString errorText() const;

private:
    void connectToServer();
    void setBusy(bool busy);
    void forgotPassword();

    SyncController &m_controller;
    QLabel *m_intro;
    QLineEdit *m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QLabel *m_error;
    QPushButton *m_forgot;
    QDialogButtonBox *m_buttons;
    QPushButton *m_connect;
};

} // namespace centrale
