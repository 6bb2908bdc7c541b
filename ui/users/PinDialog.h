#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace centrale {

class Store;

// "Reset PIN": the code for DECT phones and free seating, 4 to 8 digits, kept hashed.
class PinDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PinDialog)
public:
    PinDialog(Store &store, const QString &userId, QWidget *parent = nullptr);
    QString errorText() const;

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void pinReset(const QString &userId);

private:
    void showError(const QString &message);

    Store &m_store;
    QString m_userId;
    QLineEdit *m_pin;
    QLineEdit *m_confirm;
    QLabel *m_error;
};

} // namespace centrale
