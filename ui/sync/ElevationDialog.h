#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace centrale {

class SyncController;

// The administrator view needs the password again after a while, as in the portal: asks for it,
// opens the view again and lets the sync go on.
class ElevationDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElevationDialog)
public:
    ElevationDialog(SyncController &controller, QWidget *parent = nullptr);
    QString errorText() const;

private:
    void confirm();

    SyncController &m_controller;
    QLineEdit *m_password;
    QLabel *m_error;
    QPushButton *m_ok;
};

} // namespace centrale
