#pragma once

#include "domain/WelcomeMessage.h"

#include <QDialog>
#include <QJsonObject>
#include <QTimer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QStackedWidget;
class QTableWidget;

namespace centrale {

class Store;
class SyncController;

// The portal's "Welcome message" window: choose Web, Mobile and/or Softphone and press OK.
// Connected to a server, the server sends them at once by email or SMS and the window shows, per
// user and access, what it did: sent, queued for another attempt (checked again every few
// seconds while the window is open) or not sent, with the reason. Offline, the requests wait in
// the store with the other changes, and the window shows where each will go or why it cannot.
class WelcomeDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomeDialog)
public:
    WelcomeDialog(Store &store, const QStringList &userIds, SyncController *sync = nullptr, QWidget *parent = nullptr);

    QTableWidget *statusTable() const { return m_status; }
    QString errorText() const;
    QString summaryText() const;
    // True while the server is asked, or queued messages are checked again.
    bool isWaitingForServer() const { return m_sending || m_checking || m_refresh.isActive(); }

public Q_SLOTS:
    void accept() override;

Q_SIGNALS:
    void requested(int queued);

private:
    enum class Severity { Good, Pending, Bad };
    void updateOk();
    void queueLocally(const QList<WelcomeMessage::Channel> &channels, const QString &note);
    void showServerResults(const QList<QJsonObject> &messages);
    void refreshQueued();
    void setRow(int row, const QString &user, const QString &access, const QString &status, Severity severity);
    QString userName(const QString &userId, const QString &fallback) const;
    void finish();

    Store &m_store;
    SyncController *m_sync;
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
    bool m_sending = false;
    bool m_checking = false;
    QList<QJsonObject> m_messages; // the server's, one per row
    QTimer m_refresh;
};

} // namespace centrale
