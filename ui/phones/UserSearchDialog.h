#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace centrale {

class Store;

// Finds a colleague by name, number or username (the store's user filter, in SQL), for a key that
// calls the colleague's extension.
class UserSearchDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserSearchDialog)
public:
    static constexpr int MaxResults = 50;

    explicit UserSearchDialog(Store &store, QWidget *parent = nullptr);

    void search(const QString &text);
    QLineEdit *searchEdit() const { return m_search; }
    QTableWidget *results() const { return m_results; }
    QString selectedUserId() const;
    QString selectedUserName() const;

private:
    void updateOk();

    Store &m_store;
    QLineEdit *m_search;
    QTableWidget *m_results;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
};

} // namespace centrale
