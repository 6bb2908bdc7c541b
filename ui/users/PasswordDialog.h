#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QRadioButton;

namespace centrale {

class Store;

// "Reset password": a generated password or one the administrator chooses. The password is used
// for the web portal and the PC app; only its hash is kept, and it is queued for the server.
class PasswordDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordDialog)
public:
    PasswordDialog(Store &store, const QString &userId, QWidget *parent = nullptr);
    QString errorText() const;

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void passwordReset(const QString &userId);

private:
    void updateMode();
    void showError(const QString &message);

    Store &m_store;
    QString m_userId;
    QRadioButton *m_generate;
    QRadioButton *m_choose;
    QLineEdit *m_generated;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLabel *m_error;
};

} // namespace centrale
