#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace centrale {

class Store;

// Beside the users list: the selected user's numbers, groups and desk phones, and the service
// settings that apply to them, each with where it comes from (the user, which group, the organisation).
class UserDetail final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserDetail)
public:
    explicit UserDetail(Store &store, QWidget *parent = nullptr);

    void setUser(const QString &userId);
    QString userId() const { return m_userId; }
    QTableWidget *settingsTable() const { return m_settings; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    Store &m_store;
    QString m_userId;
    QLabel *m_title;
    QLabel *m_summary;
    QLabel *m_settingsTitle;
    QTableWidget *m_settings;
};

} // namespace centrale
