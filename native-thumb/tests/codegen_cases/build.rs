//! A small builder for test IR functions. Every test function takes `(ctx, buf, x0, x1, ...)`:
//! the native context, a pointer into the middle of a 16 KiB buffer, and the test's arguments.

use emit::helpers::Helper;
use emit::ir::{BinOp, Block, Cond, Function, Inst, OvfOp, Term, Ty, UnOp, VReg, Width};

pub struct B {
    pub f: Function,
    pub cur: Block,
    pub buf: VReg,
}

impl B {
    /// A function with `nargs` test arguments after `ctx` and `buf`.
    pub fn new(name: &str, nargs: usize) -> (B, Vec<VReg>) {
        let mut f = Function::new(name);
        let ctx = f.vreg(Ty::Ptr);
        let buf = f.vreg(Ty::Ptr);
        let args: Vec<VReg> = (0..nargs).map(|_| f.vreg(Ty::Int)).collect();
        f.params = [ctx, buf].into_iter().chain(args.iter().copied()).collect();
        (
            B {
                f,
                cur: Block(0),
                buf,
            },
            args,
        )
    }

    pub fn v(&mut self, ty: Ty) -> VReg {
        self.f.vreg(ty)
    }

    pub fn push(&mut self, i: Inst) {
        self.f.data_mut(self.cur).insts.push(i);
    }

    pub fn term(&mut self, t: Term) {
        self.f.data_mut(self.cur).term = t;
    }

    pub fn block(&mut self) -> Block {
        self.f.block()
    }

    pub fn cold_block(&mut self) -> Block {
        let b = self.f.block();
        self.f.data_mut(b).cold = true;
        b
    }

    pub fn at(&mut self, b: Block) {
        self.cur = b;
    }

    pub fn konst(&mut self, imm: i64) -> VReg {
        let d = self.v(Ty::Int);
        self.push(Inst::Iconst { dst: d, imm });
        d
    }

    pub fn bin(&mut self, op: BinOp, a: VReg, b: VReg) -> VReg {
        let d = self.v(Ty::Int);
        self.push(Inst::Bin { op, dst: d, a, b });
        d
    }

    pub fn ovf(&mut self, op: OvfOp, a: VReg, b: VReg) -> (VReg, VReg) {
        let d = self.v(Ty::Int);
        let o = self.v(Ty::Bool);
        self.push(Inst::BinOvf {
            op,
            dst: d,
            ovf: o,
            a,
            b,
        });
        (d, o)
    }

    pub fn un(&mut self, op: UnOp, a: VReg) -> VReg {
        let d = self.v(Ty::Int);
        self.push(Inst::Un { op, dst: d, a });
        d
    }

    pub fn cmp(&mut self, cond: Cond, a: VReg, b: VReg) -> VReg {
        let d = self.v(Ty::Bool);
        self.push(Inst::Cmp { cond, dst: d, a, b });
        d
    }

    pub fn load(&mut self, width: Width, signed: bool, base: VReg, offset: i32) -> VReg {
        let d = self.v(Ty::Int);
        self.push(Inst::Load {
            width,
            signed,
            dst: d,
            base,
            offset,
        });
        d
    }

    pub fn store(&mut self, width: Width, src: VReg, base: VReg, offset: i32) {
        self.push(Inst::Store {
            width,
            src,
            base,
            offset,
        });
    }

    pub fn call(&mut self, helper: Helper, args: Vec<VReg>) -> VReg {
        let d = self.v(Ty::Obj);
        self.push(Inst::Call {
            helper,
            args,
            dst: Some(d),
        });
        d
    }

    pub fn ret(&mut self, v: VReg) {
        self.term(Term::Return(v));
    }

    pub fn finish(self) -> Function {
        let f = self.f;
        emit::verify::verify(&f).unwrap_or_else(|e| panic!("test IR does not verify: {e}"));
        f
    }
}
