package dev.quarry.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Repository} and the implementation to write for it.
 *
 * @param element the repository type, the originating element of the generated file
 * @param type the repository type's name
 * @param implementation {@code <Name>_Impl}, or {@code Outer_Inner_Impl} for a nested type
 * @param isInterface whether the implementation implements (rather than extends) it
 * @param methods the methods to implement
 * @param passesDatabase whether the implementation's constructor passes its {@code Database} to the
 *        abstract class's constructor (rather than calling the no-argument one)
 */
public record RepositoryModel(TypeElement element, ClassName type, ClassName implementation, boolean isInterface,
                              List<MethodModel> methods, boolean passesDatabase) {
    public RepositoryModel(TypeElement element, ClassName type, ClassName implementation, boolean isInterface,
                           List<MethodModel> methods) {
        this(element, type, implementation, isInterface, methods, false);
    }
}
