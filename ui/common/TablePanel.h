#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QToolBar;
class QTimer;

namespace centrale {

class PagedTableModel;

// One menu's page: a heading, a filter, a sortable table of the store's items, and an optional
// detail area beside it. Filtering and sorting are done by the model, in SQL.
class TablePanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TablePanel)
public:
    TablePanel(const QString &objectName, PagedTableModel *model, QWidget *parent = nullptr);

    void setTexts(const QString &title, const QString &description);
    // A widget shown beside the table, about the selected row; the stretch factors share the width.
    void setDetail(QWidget *detail, int tableStretch = 3, int detailStretch = 2);
    PagedTableModel *model() const { return m_model; }
    // Actions on the panel's items ("New…", "Delete", "Import…"), left of the filter.
    QToolBar *toolBar() const { return m_toolBar; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QString selectedId() const;
    // Several rows can be selected (Ctrl/Shift+click) for bulk actions.
    void setMultiSelection(bool on);
    // The selected rows' ids, in the list's order.
    QStringList selectedIds() const;
    // Makes this row current when it is loaded; false otherwise.
    bool selectId(const QString &id);
    // Selects the loaded rows among these (after a reload, to keep a bulk selection).
    void selectIds(const QStringList &ids);
    // A widget placed before the filter field (e.g. the column it filters).
    void addFilterWidget(QWidget *widget);
    void focusFilter();
    // Selects the first row when none is: the detail beside the list then shows something.
    void selectFirstRowIfNone();
    void saveLayout() const;
    void restoreLayout();

Q_SIGNALS:
    void currentChanged(const QString &id);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();
    void updateCount();

    PagedTableModel *m_model;
    QLabel *m_title;
    QLabel *m_description;
    QLineEdit *m_filter;
    QLabel *m_count;
    QToolBar *m_toolBar;
    QTableView *m_table;
    QSplitter *m_splitter;
    QTimer *m_filterTimer;
    QHBoxLayout *m_filterRow;
};

} // namespace centrale
