#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace centrale {

class SyncController;

// "Forgot password?": asks for the username or mobile, has the server send a code (its answer
// never says whether the account exists), then sets a new password with that code.
class PasswordResetDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordResetDialog)
public:
    PasswordResetDialog(SyncController &controller, const QString &server, const QString &identifier, QWidget *parent = nullptr);

    QString messageText() const;

private:
    void sendCode();
    void setPassword();
    void showMessage(const QString &message, bool error);

    SyncController &m_controller;
    QString m_serverUrl;
    QLineEdit *m_server;
    QLineEdit *m_identifier;
    QPushButton *m_send;
    QLabel *m_message;
    QLineEdit *m_code;
    QLineEdit *m_password;
    QLineEdit *m_repeat;
    QPushButton *m_set;
};

} // namespace centrale
