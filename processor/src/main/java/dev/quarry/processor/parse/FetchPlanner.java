package dev.quarry.processor.parse;

import dev.quarry.annotations.Fetch;
import dev.quarry.annotations.FetchStrategy;
import dev.quarry.processor.diag.Message;
import dev.quarry.processor.diag.Reporter;
import dev.quarry.processor.model.RecordModel;
import dev.quarry.processor.model.RelationModel;
import dev.quarry.processor.model.ReturnModel;
import dev.quarry.processor.model.RowType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;

/** Decides, from a method's {@code @Fetch} annotations, how each relation path of its result is loaded. */
final class FetchPlanner {
    private FetchPlanner() {}

    static Map<String, FetchStrategy> plan(ExecutableElement method, String label, ReturnModel result, Reporter reporter) {
        Fetch[] fetches = method.getAnnotationsByType(Fetch.class);
        if (!(result.row() instanceof RowType.Record record) || !record.model().hasRelations()) {
            if (fetches.length > 0) {
                reporter.report(Message.FETCH_WITHOUT_RELATIONS, method, label,
                        result.row() instanceof RowType.Record r ? r.model().simpleName() : result.type());
            }
            return Map.of();
        }
        Map<String, RelationModel> relations = new LinkedHashMap<>();
        collect("", record.model(), relations);
        Map<String, FetchStrategy> plan = new LinkedHashMap<>();
        relations.keySet().forEach(path -> plan.put(path, FetchStrategy.SELECT_IN));
        for (Fetch fetch : fetches) {
            if (!relations.containsKey(fetch.value())) {
                reporter.report(Message.FETCH_UNKNOWN_PATH, method, label, fetch.value(), record.model().simpleName(),
                        List.copyOf(relations.keySet()));
                continue;
            }
            if (fetch.strategy() == FetchStrategy.JOINED && result.shape().streams()) {
                reporter.report(Message.STREAM_JOINED, method, label, fetch.value());
                continue;
            }
            plan.put(fetch.value(), fetch.strategy());
        }
        for (Map.Entry<String, FetchStrategy> entry : plan.entrySet()) {
            if (entry.getValue() != FetchStrategy.JOINED) {
                continue;
            }
            String path = entry.getKey();
            RelationModel relation = relations.get(path);
            int dot = path.lastIndexOf('.');
            if (dot > 0 && plan.get(path.substring(0, dot)) != FetchStrategy.JOINED) {
                reporter.report(Message.RELATION_JOINED_UNDER_SELECT_IN, method, label, path, path.substring(0, dot));
            } else if (!relation.query().isEmpty()) {
                reporter.report(Message.RELATION_JOINED_QUERY, method, label, path);
            } else if (relation.child().idColumns().isEmpty()) {
                reporter.report(Message.RELATION_JOINED_NEEDS_ID, method, label, path, relation.child().simpleName());
            }
        }
        return plan;
    }

    /** Every relation under {@code record}, by dotted path, parents before their children. */
    static void collect(String prefix, RecordModel record, Map<String, RelationModel> relations) {
        for (RelationModel relation : record.relations()) {
            String path = prefix + relation.component();
            relations.put(path, relation);
            collect(path + ".", relation.child(), relations);
        }
    }
}
