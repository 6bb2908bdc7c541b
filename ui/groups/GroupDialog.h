#pragma once

#include "domain/ServiceSettings.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace centrale {

class Store;

// New group / Edit group: name, description and, for each service setting, "inherited" or a value.
// Saved through GroupRepository; a refusal from the store is shown in the dialog, which stays open.
class GroupDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupDialog)
public:
    // With an empty groupId the dialog creates a group, otherwise it edits that one.
    GroupDialog(Store &store, const QString &groupId, QWidget *parent = nullptr);

    QString groupId() const { return m_groupId; }
    // The last refusal shown (empty when none).
    QString errorText() const;
    // The settings as currently entered (inherited keys unset).
    ServiceSettings settings() const;

    void accept() override;

Q_SIGNALS:
    void groupSaved(const QString &id);

private:
    struct Row {
        QCheckBox *inherited = nullptr;
        QWidget *editor = nullptr;
    };
    void load();
    void showError(const QString &message);

    Store &m_store;
    QString m_groupId;
    QLineEdit *m_name;
    QLineEdit *m_description;
    QHash<int, Row> m_rows; // by ServiceSettings::Key
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace centrale
