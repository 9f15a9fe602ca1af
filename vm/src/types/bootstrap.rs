//! Creating the VM: the type objects (`type` is its own metaclass, so it is built by hand before
//! anything can be allocated normally), then the `Vm`, then type dicts, builtins and `sys`.

use super::{EXC_COUNT, ExcKind, Types};
use crate::gc::{Gc, Heap};
use crate::interner::Interner;
use crate::obj::exc::EXC_DICT_OFFSET;
use crate::obj::tuple::{TupleHead, TupleObj};
use crate::obj::typeobj::flags;
use crate::obj::{Header, Kind, TypeObj};
use crate::value::Value;
use crate::vm::{Config, Host, Vm};
use alloc::boxed::Box;
use core::cell::Cell;

struct Boot<'a> {
    heap: &'a mut Heap,
    interner: &'a mut Interner,
    type_: Gc<TypeObj>,
    tuple: Option<Gc<TypeObj>>,
}

fn must<T>(v: Option<T>) -> T {
    match v {
        Some(v) => v,
        None => panic!("heap too small to start the VM"),
    }
}

impl Boot<'_> {
    fn tuple(&mut self, items: &[Value]) -> Value {
        let ty = self.tuple.expect("tuple type made first");
        let p = must(
            self.heap
                .alloc(crate::gc::var_size::<TupleHead, Value>(items.len()), false),
        );
        let g: Gc<TupleObj> = crate::gc::init_var(
            p,
            TupleHead {
                header: Header::new(ty),
            },
            items.len(),
            |i| items[i],
        );
        Value::from_obj(g)
    }

    fn raw_type(&mut self, name: &str, kind: Kind, fl: u32) -> Gc<TypeObj> {
        let name = Value::qstr(self.interner.intern(name));
        let p = must(self.heap.alloc(core::mem::size_of::<TypeObj>(), false));
        crate::gc::init_obj(p, new_type_obj(self.type_, name, kind, fl))
    }

    /// Set bases and MRO for a single-inheritance type.
    fn link(&mut self, t: Gc<TypeObj>, base: Option<Gc<TypeObj>>) {
        match base {
            None => {
                t.bases.set(self.tuple(&[]));
                t.mro.set(self.tuple(&[Value::from_obj(t)]));
            }
            Some(b) => {
                t.bases.set(self.tuple(&[Value::from_obj(b)]));
                let mut mro = alloc::vec![Value::from_obj(t)];
                mro.extend_from_slice(crate::obj::tuple::items(b.mro.get()));
                let m = self.tuple(&mro);
                t.mro.set(m);
                if b.dict_offset.get() != 0 {
                    t.dict_offset.set(b.dict_offset.get());
                    t.instance_size.set(b.instance_size.get());
                }
            }
        }
    }

    fn make(&mut self, name: &str, kind: Kind, base: Gc<TypeObj>, fl: u32) -> Gc<TypeObj> {
        let t = self.raw_type(name, kind, fl);
        self.link(t, Some(base));
        t
    }
}

fn new_type_obj(meta: Gc<TypeObj>, name: Value, kind: Kind, fl: u32) -> TypeObj {
    TypeObj {
        header: Header::new(meta),
        kind,
        name: Cell::new(name),
        qualname: Cell::new(name),
        bases: Cell::new(Value::NULL),
        mro: Cell::new(Value::NULL),
        dict: Cell::new(Value::NULL),
        dict_offset: Cell::new(0),
        flags: Cell::new(fl),
        instance_size: Cell::new(0),
        instance_attrs: Cell::new(0),
    }
}

/// Build a VM on `heap`. `heap`'s stack top must already be set.
pub fn new_vm(mut heap: Heap, host: Box<dyn Host>, config: Config) -> Vm {
    let mut interner = Interner::new();
    let type_name = Value::qstr(interner.intern("type"));
    let p = must(heap.alloc(core::mem::size_of::<TypeObj>(), false));
    let type_ = crate::gc::init_obj_self_typed(p, |me| {
        new_type_obj(me, type_name, Kind::Type, flags::BASETYPE)
    });
    let mut b = Boot {
        heap: &mut heap,
        interner: &mut interner,
        type_,
        tuple: None,
    };
    let base = flags::BASETYPE;
    let object = b.raw_type("object", Kind::Object, base);
    let tuple = b.raw_type("tuple", Kind::Tuple, base | flags::SEQUENCE);
    b.tuple = Some(tuple);
    b.link(object, None);
    b.link(type_, Some(object));
    b.link(tuple, Some(object));
    let int = b.make("int", Kind::Int, object, base);
    let exceptions = {
        let mut made: [Option<Gc<TypeObj>>; EXC_COUNT] = [None; EXC_COUNT];
        for &k in ExcKind::ALL {
            let parent = k
                .parent()
                .map_or(object, |p| made[p as usize].expect("parents first"));
            let t = b.make(k.name(), Kind::Exception, parent, base | flags::EXCEPTION);
            t.dict_offset.set(EXC_DICT_OFFSET);
            t.instance_size
                .set(core::mem::size_of::<crate::obj::exc::ExcObj>());
            made[k as usize] = Some(t);
        }
        made.map(|t| t.expect("all made"))
    };
    let types = Types {
        type_,
        object,
        int,
        bool: b.make("bool", Kind::Int, int, 0),
        float: b.make("float", Kind::Float, object, base),
        complex: b.make("complex", Kind::Complex, object, base),
        str: b.make("str", Kind::Str, object, base),
        bytes: b.make("bytes", Kind::Bytes, object, base),
        bytearray: b.make("bytearray", Kind::ByteArray, object, base),
        list: b.make("list", Kind::List, object, base | flags::SEQUENCE),
        tuple,
        dict: b.make("dict", Kind::Dict, object, base | flags::MAPPING),
        set: b.make("set", Kind::Set, object, base),
        frozenset: b.make("frozenset", Kind::Set, object, base),
        range: b.make("range", Kind::Range, object, flags::SEQUENCE),
        slice: b.make("slice", Kind::Slice, object, 0),
        none_type: b.make("NoneType", Kind::Object, object, 0),
        ellipsis_type: b.make("ellipsis", Kind::Object, object, 0),
        not_implemented_type: b.make("NotImplementedType", Kind::Object, object, 0),
        function: b.make("function", Kind::Function, object, 0),
        builtin_function: b.make("builtin_function_or_method", Kind::Builtin, object, 0),
        bound_method: b.make("method", Kind::BoundMethod, object, 0),
        module: b.make("module", Kind::Module, object, base),
        cell: b.make("cell", Kind::Cell, object, 0),
        code: b.make("code", Kind::Code, object, 0),
        generator: b.make("generator", Kind::Generator, object, 0),
        coroutine: b.make("coroutine", Kind::Generator, object, 0),
        async_generator: b.make("async_generator", Kind::Generator, object, 0),
        async_gen_value: b.make("async_generator_wrapped_value", Kind::Tuple, tuple, 0),
        async_gen_asend: b.make("async_generator_asend", Kind::Iter, object, 0),
        property: b.make("property", Kind::Property, object, base),
        classmethod: b.make("classmethod", Kind::ClassMethod, object, base),
        staticmethod: b.make("staticmethod", Kind::StaticMethod, object, base),
        super_: b.make("super", Kind::Super, object, base),
        iterator: b.make("iterator", Kind::Iter, object, 0),
        enumerate: b.make("enumerate", Kind::Iter, object, base),
        zip: b.make("zip", Kind::Iter, object, base),
        map: b.make("map", Kind::Iter, object, base),
        filter: b.make("filter", Kind::Iter, object, base),
        reversed: b.make("reversed", Kind::Iter, object, base),
        dict_keys: b.make("dict_keys", Kind::DictView, object, 0),
        dict_values: b.make("dict_values", Kind::DictView, object, 0),
        dict_items: b.make("dict_items", Kind::DictView, object, 0),
        memoryview: b.make("memoryview", Kind::MemoryView, object, flags::SEQUENCE),
        member_descriptor: b.make("member_descriptor", Kind::Member, object, 0),
        exceptions,
    };
    let empty_tuple = b.tuple(&[]);
    // Strings, bytes and floats hold nothing but their type, which `types` keeps reachable.
    heap.set_leaf_types([types.str, types.bytes, types.float].map(|t| t.as_ptr() as usize));
    let stack_limit = crate::vm::stack_limit_for(heap.stack_top(), config.stack_size);
    let mut vm = Vm {
        heap,
        interner,
        types,
        empty_tuple,
        empty_str: Value::NULL,
        builtins: Value::NULL,
        builtins_stamp: crate::native::NO_DICT_STAMP,
        modules: Value::NULL,
        sys: Value::NULL,
        handled: Value::NONE,
        gen_outer_handled: Value::NONE,
        depth: 0,
        recursion_limit: 1000,
        stack_limit,
        memory_error: Value::NULL,
        pending_del: Value::NULL,
        host,
        config,
        allocated_since_gc: 0,
        gc_threshold_fixed: false,
        allocated_before_gc: 0,
        peak_used: 0,
        gc_threshold: 256 * 1024,
        gc_enabled: true,
        collecting: false,
        scratch: Value::NULL,
        current_frame: Value::NULL,
        method_cache: crate::obj::method_cache::MethodCache::new(),
        object_new: Value::NULL,
        object_init: Value::NULL,
        dict_stamp: 0,
        helper_table: crate::native::helpers::table(),
        scheduled: Value::NULL,
        in_scheduled: false,
        kbd_scheduled: false,
        #[cfg(feature = "jit")]
        jit: None,
        #[cfg(feature = "jit")]
        jit_unit: None,
        frame_pool: Default::default(),
        int_max_str_digits: 4300,
        sources: alloc::collections::BTreeMap::new(),
    };
    vm.empty_str = {
        let ty = vm.types.str;
        let p = must(vm.heap.alloc(
            crate::gc::var_size::<crate::obj::str::StrHead, u8>(0),
            false,
        ));
        let g: Gc<crate::obj::str::StrObj> = crate::gc::init_var(
            p,
            crate::obj::str::StrHead {
                header: Header::new(ty),
                hash: Cell::new(-1),
                char_len: 0,
            },
            0,
            |_| 0u8,
        );
        Value::from_obj(g)
    };
    crate::builtins::install(&mut vm).unwrap_or_else(|_| panic!("installing builtins failed"));
    vm
}
