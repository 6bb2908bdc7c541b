#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QStackedWidget;
class QTableWidget;

namespace centrale {

class Store;

// The portal's "Welcome message" window: choose Web, Mobile and/or Softphone and press OK. The
// requests are queued for the server, which sends them by email or SMS; the window then shows,
// per user and access, where the message will go or why it cannot be sent.
class WelcomeDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomeDialog)
public:
    WelcomeDialog(Store &store, const QStringList &userIds, QWidget *parent = nullptr);

    QTableWidget *statusTable() const { return m_status; }
    QString errorText() const;

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void requested(int queued);

private:
    void updateOk();

    Store &m_store;
    QStringList m_userIds;
    QStackedWidget *m_pages;
    QCheckBox *m_web;
    QCheckBox *m_mobile;
    QCheckBox *m_softphone;
    QLabel *m_error;
    QLabel *m_summary;
    QTableWidget *m_status;
    QDialogButtonBox *m_buttons;
    bool m_done = false;
};

} // namespace centrale
